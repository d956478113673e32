package io.kflab.catalog.provenance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Where a catalog fact comes from: a kernel's BTF, a kernel source tree, a probe of a running kernel, or a design file. */
public sealed interface Source {

    /** One line naming the origin, e.g. {@code kernel/bpf/helpers.c:123 (linux-6.12)}. */
    String describe();

    /** The BTF of a kernel (kernel: /sys/kernel/btf/vmlinux or a vmlinux's .BTF section). */
    record KernelBtf(String kernel) implements Source {
        public KernelBtf { Objects.requireNonNull(kernel); }
        @Override public String describe() { return "BTF of " + kernel; }
    }

    /** A line of a kernel source tree; line 0 means the line is not known. */
    record SourceTree(String tree, String file, int line) implements Source {
        public SourceTree {
            Objects.requireNonNull(tree);
            Objects.requireNonNull(file);
            if (line < 0) throw new IllegalArgumentException("line must be >= 0: " + line);
        }
        @Override public String describe() { return file + (line > 0 ? ":" + line : "") + " (" + tree + ")"; }
    }

    /** Loads of probe programs into a running kernel, identified by release and build id ("" if unknown). */
    record KernelProbe(String release, String buildId) implements Source {
        public KernelProbe {
            Objects.requireNonNull(release);
            Objects.requireNonNull(buildId);
        }
        @Override public String describe() { return "probe of " + release + (buildId.isEmpty() ? "" : " (build " + buildId + ")"); }
    }

    /** A line of a kflab design file. */
    record DesignFile(String file, int line) implements Source {
        public DesignFile { Objects.requireNonNull(file); }
        @Override public String describe() { return file + ":" + line; }
    }

    static Source btf(String kernel) { return new KernelBtf(kernel); }

    static Source tree(String tree, String file, int line) { return new SourceTree(tree, file, line); }

    static Source probe(String release, String buildId) { return new KernelProbe(release, buildId); }

    static Source design(String file, int line) { return new DesignFile(file, line); }

    /** The sources of both lists, each once, in first-seen order. */
    static List<Source> union(List<Source> a, List<Source> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        LinkedHashSet<Source> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** "a; b; c" */
    static String describeAll(List<Source> sources) {
        List<String> out = new ArrayList<>();
        for (Source s : sources) out.add(s.describe());
        return String.join("; ", out);
    }
}
