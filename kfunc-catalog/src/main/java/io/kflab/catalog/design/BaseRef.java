package io.kflab.catalog.design;

import io.kflab.catalog.dsl.Decl;
import io.kflab.catalog.dsl.Design;
import java.util.Objects;

/** The catalog a design builds on ({@code extends}), as the caller's resolver is asked for it. */
public sealed interface BaseRef {

    /** {@code extends kernel;}: the running kernel's catalog (its BTF, source facts and probes). */
    record RunningKernel() implements BaseRef {}

    /** {@code extends source "linux-6.12";}: the catalog of a kernel source tree. */
    record SourceTree(String tree) implements BaseRef {
        public SourceTree { Objects.requireNonNull(tree); }
    }

    /** {@code extends "other.kfl";}: that design, converted (see {@link DesignCatalogs#resolver}). */
    record DesignBase(Design design) implements BaseRef {
        public DesignBase { Objects.requireNonNull(design); }
    }

    /**
     * No {@code extends}: the design stands alone; the resolver gives what it builds on anyway (the
     * hook table, KF_* bits and suffixes of the kernel version it is meant for), or an empty catalog.
     */
    record Standalone() implements BaseRef {}

    /** The base a loaded design names. */
    static BaseRef of(Design design) {
        if (design.base().isEmpty()) return new Standalone();
        Decl.Extends e = design.base().get();
        return switch (e.kind()) {
            case KERNEL -> new RunningKernel();
            case SOURCE -> new SourceTree(e.ref().orElseThrow());
            case DESIGN -> new DesignBase(design.baseDesign().orElseThrow());
        };
    }
}
