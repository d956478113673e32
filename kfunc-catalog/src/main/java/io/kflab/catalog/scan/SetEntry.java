package io.kflab.catalog.scan;

import java.util.List;

/**
 * One {@code BTF_ID_FLAGS(func, name, FLAGS)} line of a kfunc set: the function name and the
 * KF_* flag names as written ({@code expandedFrom} names the macro the entry came from, or is
 * empty when the entry is written out).
 */
public record SetEntry(String name, List<String> flags, Condition condition, SourceLine at, String expandedFrom) {
    public SetEntry {
        flags = List.copyOf(flags);
    }
}
