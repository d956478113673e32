package io.kflab.catalog.dsl;

import java.util.List;
import java.util.Optional;

/**
 * One {@code BTF_ID_FLAGS(func, name, flags)} line of a kfunc set, with an optional
 * {@code #ifdef CONFIG_X} condition; hidden entries are callable only through a remap.
 */
public record SetEntry(boolean hidden, Name kfunc, List<Flag> flags, Optional<Name> condition, Loc loc)
        implements Node {
    public SetEntry {
        flags = List.copyOf(flags);
    }
}
