package io.kflab.verifier.selftest;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.diag.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Imports the kernel's verifier selftests (tools/testing/selftests/bpf: progs/verifier_*.c and
 * verifier/*.c) into {@link SelftestCase}s. Kernel struct layouts (offsetof(struct __sk_buff, ...))
 * and kfunc ids come from a kernel BTF, by default the running kernel's when readable.
 */
public final class SelftestImporter {
    /** Where the selftests live in a kernel tree. */
    public static final String SELFTESTS = "tools/testing/selftests/bpf";

    private final KernelTypes kernel;
    private final Function<String, Integer> kfuncIds;

    public SelftestImporter(KernelTypes kernel, Function<String, Integer> kfuncIds) {
        this.kernel = kernel;
        this.kfuncIds = kfuncIds;
    }

    /** Struct layouts and kfunc ids from the running kernel's BTF, or none when it is not readable. */
    public static SelftestImporter forRunningKernel() {
        try {
            Btf btf = Btf.vmlinux();
            return new SelftestImporter(KernelTypes.of(btf), name -> {
                OptionalInt id = btf.findByName(name, BtfKind.FUNC);
                return id.isPresent() ? id.getAsInt() : null;
            });
        } catch (IOException | RuntimeException e) {
            return new SelftestImporter(KernelTypes.NONE, n -> null);
        }
    }

    /** All cases of {@code tree}/tools/testing/selftests/bpf/{progs/verifier_*.c, verifier/*.c}, with the running kernel's BTF. */
    public static ImportReport importTree(Path tree) {
        return forRunningKernel().importFrom(tree);
    }

    public ImportReport importFrom(Path tree) {
        Path bpf = tree.resolve(SELFTESTS);
        List<SelftestCase> cases = new ArrayList<>();
        for (Path f : list(bpf.resolve("progs"), "verifier_")) cases.addAll(importFile(f, SelftestFormat.TEST_LOADER));
        for (Path f : list(bpf.resolve("verifier"), "")) cases.addAll(importFile(f, SelftestFormat.TEST_VERIFIER));
        return new ImportReport(cases);
    }

    private static List<Path> list(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) throw new BadInputException(dir.toString(), "expected a selftest directory");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".c"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SelftestCase> importFile(Path file, SelftestFormat format) {
        try {
            return importText(Files.readString(file, StandardCharsets.ISO_8859_1), file.getFileName().toString(), format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cases of one file's text.
     *
     * @throws BadInputException at file:line:column when the text is not the selftests' C subset
     */
    public List<SelftestCase> importText(String text, String file, SelftestFormat format) {
        SelftestSource src;
        try {
            src = new SelftestSource(file, SelftestSyntax.parseFile(text, file), kernel,
                    format == SelftestFormat.TEST_VERIFIER ? TestVerifierImporter.HARNESS_DEFINES : Map.of());
        } catch (UnsupportedConstruct u) {
            throw new BadInputException(file + ":1:1", u.getMessage());
        }
        try {
            return format == SelftestFormat.TEST_LOADER ? new TestLoaderImporter(src, kfuncIds).cases()
                    : new TestVerifierImporter(src).cases();
        } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
            // a construct shaped unlike any selftest; report where the file is, not a stack trace
            throw new BadInputException(file + ":1:1", "cannot import: " + e);
        }
    }
}
