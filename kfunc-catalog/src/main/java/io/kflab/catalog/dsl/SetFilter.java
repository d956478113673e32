package io.kflab.catalog.dsl;

import java.util.List;
import java.util.Optional;

/** A kfunc set's filter ({@code btf_kfunc_id_set.filter}) given as data. */
public sealed interface SetFilter extends Node {
    /** {@code filter name;}: a filter declared at top level (shared, as the kernel dedups per hook). */
    record Ref(Name filter, Loc loc) implements SetFilter {}

    /** {@code filter [for ops] { allow ... when ...; }}: a filter written inside the set. */
    record Inline(Optional<Name> forType, List<AllowRule> rules, Loc loc) implements SetFilter {
        public Inline {
            rules = List.copyOf(rules);
        }
    }
}
