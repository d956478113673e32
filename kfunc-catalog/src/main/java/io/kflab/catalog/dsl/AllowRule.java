package io.kflab.catalog.dsl;

import java.util.List;

/**
 * An allow-table row: the kfuncs or sets named (all of the enclosing set when {@code refs} is
 * empty, written {@code *}) may be called where the predicate holds.
 */
public record AllowRule(List<Name> refs, Predicate when, Loc loc) implements Node {
    public AllowRule {
        refs = List.copyOf(refs);
    }

    /** True for {@code allow * when ...}. */
    public boolean all() {
        return refs.isEmpty();
    }
}
