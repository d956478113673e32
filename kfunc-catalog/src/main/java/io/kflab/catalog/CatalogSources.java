package io.kflab.catalog;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.btf.BtfCatalog;
import io.kflab.catalog.design.DesignCatalogs;
import io.kflab.catalog.dsl.Design;
import io.kflab.catalog.dsl.DesignLoader;
import io.kflab.catalog.corpus.Corpus;
import io.kflab.catalog.corpus.KernelRelease;
import io.kflab.catalog.filter.FilterData;
import io.kflab.catalog.kfunc.KernelVersions;
import io.kflab.catalog.scan.TreeScanner;
import io.kflab.catalog.source.SourceCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where catalogs come from, by name: {@code running} (the running kernel: its BTF plus the facts
 * of the nearest source tree kflab has), {@code btf} (BTF only), {@code linux-6.1} and
 * {@code linux-6.12} (Debian source trees, fetched on first use), a kernel tree directory, a raw
 * BTF file, or a design file ({@code .kfl}).
 */
public final class CatalogSources {
    /** The source tree whose facts describe the running kernel (the newest Debian packages). */
    public static final String RUNNING_TREE = "linux-6.12";

    /** Facts of the newer kernel that its nearest source tree lacks, as a design file kflab ships. */
    public static final String RUNNING_DELTA = "/io/kflab/catalog/kernels/linux-6.18-delta.kfl";

    private final ProgressOpener progress;
    private final Map<String, Catalog> cache = new HashMap<>();
    private Consumer<String> warnings = w -> {};

    public CatalogSources(ProgressOpener progress) {
        this.progress = progress;
    }

    /** Where warnings go (unfamiliar source forms, file:line each); dropped by default. */
    public CatalogSources warnings(Consumer<String> sink) {
        this.warnings = sink;
        return this;
    }

    /** The catalog named by {@code spec}. */
    public Catalog resolve(String spec) {
        Catalog c = cache.get(spec);
        if (c == null) {
            c = load(spec);
            cache.put(spec, c);
        }
        return c;
    }

    private Catalog load(String spec) {
        switch (spec) {
            case "running", "kernel" -> {
                return running();
            }
            case "btf" -> {
                return btf(runningBtf(), "running kernel " + release());
            }
            default -> {
                if (spec.startsWith("linux-")) return tree(spec, fetch(spec), version(spec));
                Path p = Path.of(spec);
                if (spec.endsWith(".kfl")) {
                    if (!Files.isRegularFile(p)) throw new BadInputException(spec, "no such design file");
                    return design(DesignLoader.load(p));
                }
                if (Files.isDirectory(p)) return tree(p.toString(), p, treeVersion(p));
                if (Files.isRegularFile(p)) return btf(loadBtf(p), p.toString());
                throw new BadInputException(spec, "expected a catalog: running, btf, linux-6.1, linux-6.12, "
                        + "a kernel source directory, a BTF file or a design file (.kfl)");
            }
        }
    }

    /** The running kernel: its BTF, with the facts of {@link #RUNNING_TREE} and of the newer kernel's own data. */
    public Catalog running() {
        // The tree's facts, then the newer kernel's filters and facts kflab ships as data.
        Catalog facts = resolve(RUNNING_TREE).overlay(FilterData.linux618()).overlay(runningDelta());
        Catalog btf = btf(runningBtf(), "running kernel " + release());
        Catalog merged = Catalog.merge(btf, facts.toBuilder().version(KernelVersions.nearest(release())).build());
        return merged.toBuilder().name("running kernel " + release() + " (BTF + " + RUNNING_TREE + " sources)").build();
    }

    /** A design file's catalog: its base resolved here, the design laid over it. */
    public Catalog design(Design design) {
        String newest = KernelVersions.KNOWN.getLast();
        return DesignCatalogs.toCatalog(design, DesignCatalogs.resolver(this::running, this::resolve,
                () -> Catalog.builder(design.name()).version(newest).build()));
    }

    private Catalog runningDelta() {
        try (InputStream in = CatalogSources.class.getResourceAsStream(RUNNING_DELTA)) {
            if (in == null) throw new IllegalStateException(RUNNING_DELTA + " missing from the kflab jar");
            Design d = DesignLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "linux-6.18-delta.kfl");
            String version = KernelVersions.nearest(release());
            return DesignCatalogs.toCatalog(d, ref -> Catalog.builder(d.name()).version(version).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source-tree catalog built from the cached or given tree. */
    public Catalog tree(String name, Path tree, String version) {
        SourceCatalog.Result r = SourceCatalog.from(TreeScanner.scan(tree, progress), name, version);
        r.warnings().forEach(w -> warnings.accept(name + ": " + w.at().file() + ":" + w.at().line() + ": " + w.message()));
        return r.catalog();
    }

    private Path fetch(String release) {
        KernelRelease.of(release);
        return Corpus.fetch(release, progress);
    }

    private static Catalog btf(Btf btf, String name) {
        String version = null;
        try {
            version = KernelVersions.nearest(release());
        } catch (IllegalArgumentException e) {
            // a kernel release without major.minor: no version-specific tables
        }
        return BtfCatalog.from(btf, name, Optional.ofNullable(version));
    }

    private static Btf runningBtf() {
        try {
            return Btf.vmlinux();
        } catch (IOException e) {
            throw new BadInputException(Btf.VMLINUX.toString(), "cannot read: " + e.getMessage());
        }
    }

    private static Btf loadBtf(Path p) {
        try {
            return Btf.load(p);
        } catch (IOException e) {
            throw new BadInputException(p.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** The running kernel's release, e.g. 6.18.44. */
    public static String release() {
        return System.getProperty("os.version", "");
    }

    private static String version(String release) {
        return KernelVersions.nearest(release.substring("linux-".length()));
    }

    private static final Pattern MAKE_VAR = Pattern.compile("(?m)^(VERSION|PATCHLEVEL)\\s*=\\s*(\\d+)");

    /** major.minor from the tree's top Makefile, else the newest version kflab has tables for. */
    static String treeVersion(Path tree) {
        try {
            String make = Files.readString(tree.resolve("Makefile"));
            Matcher m = MAKE_VAR.matcher(make);
            String major = null, minor = null;
            while (m.find()) {
                if (m.group(1).equals("VERSION")) major = m.group(2);
                else minor = m.group(2);
            }
            if (major != null && minor != null) return KernelVersions.nearest(major + "." + minor);
        } catch (IOException e) {
            // no Makefile: fall through
        }
        return KernelVersions.KNOWN.getLast();
    }
}
