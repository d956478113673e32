package io.kflab.catalog.scan;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.Progress;
import io.kflab.catalog.ProgressOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Walks a kernel source tree and scans every C file that contains a kfunc trigger string (the
 * sources a kernel build would compile; {@code tools/}, {@code Documentation/} and the like are
 * skipped), then expands macro-generated set entries.
 */
public final class TreeScanner {
    /** Top-level directories that hold no kernel kfunc declarations. */
    static final List<String> SKIPPED = List.of("tools", "Documentation", "scripts", "samples", "usr", "LICENSES",
            ".git", "debian");

    private TreeScanner() {}

    /** Scans {@code tree}; throws {@link BadInputException} when it is not a directory. */
    public static ScanResult scan(Path tree, ProgressOpener progress) {
        if (!Files.isDirectory(tree)) throw new BadInputException(tree.toString(), "not a kernel source directory");
        List<Path> files = sources(tree);
        List<ScanResult> parts = new ArrayList<>();
        try (Progress bar = progress.open("scan " + tree.getFileName(), files.size(), "files")) {
            List<ScanResult> found = files.parallelStream().map(f -> {
                ScanResult r = scanFile(tree, f);
                bar.step();
                return r;
            }).toList();
            parts.addAll(found);
        }
        ScanResult all = ScanResult.EMPTY;
        for (ScanResult r : parts) all = all.plus(r);
        return MacroExpansion.expand(all, tree);
    }

    private static List<Path> sources(Path tree) {
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.filter(p -> {
                Path rel = tree.relativize(p);
                if (rel.getNameCount() > 1 && SKIPPED.contains(rel.getName(0).toString())) return false;
                String n = p.getFileName().toString();
                return (n.endsWith(".c") || n.endsWith(".h")) && Files.isRegularFile(p);
            }).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScanResult scanFile(Path tree, Path file) {
        String rel = tree.relativize(file).toString().replace('\\', '/');
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return warningOnly(rel, "unreadable: " + e.getMessage());
        }
        if (!KfuncScanner.interesting(text)) return ScanResult.EMPTY;
        return KfuncScanner.scan(rel, text);
    }

    static ScanResult warningOnly(String file, String message) {
        return new ScanResult(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(new ScanWarning(new SourceLine(file, 0), message)));
    }
}
