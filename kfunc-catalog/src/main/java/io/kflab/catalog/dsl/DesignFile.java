package io.kflab.catalog.dsl;

import java.util.List;
import java.util.Optional;

/** One parsed {@code .kfl} file: its {@code design "name"} header (optional in included files) and declarations. */
public record DesignFile(String file, Optional<String> design, List<Decl> decls, Loc loc) implements Node {
    public DesignFile {
        decls = List.copyOf(decls);
    }

    /** The declarations of one kind, in file order. */
    public <T extends Decl> List<T> all(Class<T> kind) {
        return decls.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
