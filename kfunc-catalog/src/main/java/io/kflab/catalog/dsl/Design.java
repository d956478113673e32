package io.kflab.catalog.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A loaded and checked catalog design: the main file, the files it includes (in include order),
 * its base ({@code extends}), the loaded base design when the base is another design file, and
 * the warnings found.
 */
public record Design(String name, DesignFile main, List<DesignFile> includes, Optional<Decl.Extends> base,
        Optional<Design> baseDesign, List<Warning> warnings) {
    public Design {
        includes = List.copyOf(includes);
        warnings = List.copyOf(warnings);
    }

    /** Every declaration of the design itself (main file, then included files), base excluded. */
    public List<Decl> decls() {
        return files().stream().flatMap(f -> f.decls().stream()).toList();
    }

    /** The main file followed by the included ones. */
    public List<DesignFile> files() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(main), includes.stream()).toList();
    }

    /** The declarations of one kind across the design's files. */
    public <T extends Decl> List<T> all(Class<T> kind) {
        return decls().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** True when names may come from a kernel (running or source tree) that a design file cannot see. */
    public boolean openBase() {
        return base.map(b -> b.kind() != Decl.BaseKind.DESIGN).orElse(false)
                || baseDesign.map(Design::openBase).orElse(false);
    }
}
