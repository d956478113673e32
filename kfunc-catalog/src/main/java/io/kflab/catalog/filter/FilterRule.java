package io.kflab.catalog.filter;

import io.kflab.catalog.context.ContextPredicate;
import java.util.Objects;
import java.util.Set;

/** "kfuncs K are allowed only when P": one decision a filter makes for the kfuncs it governs. */
public record FilterRule(Set<String> kfuncs, ContextPredicate allowWhen) {
    public FilterRule {
        kfuncs = Set.copyOf(kfuncs);
        Objects.requireNonNull(allowWhen);
    }

    public static FilterRule allowOnly(ContextPredicate when, String... kfuncs) {
        return new FilterRule(Set.of(kfuncs), when);
    }
}
