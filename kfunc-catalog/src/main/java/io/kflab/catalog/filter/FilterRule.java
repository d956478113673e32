package io.kflab.catalog.filter;

import io.kflab.catalog.context.ContextPredicate;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.SetEntry;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "kfuncs K, and every kfunc of sets S, are allowed only when P": one decision a filter makes for the
 * kfuncs it governs (kernel: a filter testing {@code btf_id_set8_contains(&set, kfunc_id)}). Sets are
 * named, so the rule follows the set's entries in whatever catalog it ends up in; {@link #resolve}.
 */
public record FilterRule(Set<String> kfuncs, Set<String> sets, ContextPredicate allowWhen) {
    public FilterRule {
        kfuncs = Set.copyOf(kfuncs);
        sets = Set.copyOf(sets);
        Objects.requireNonNull(allowWhen);
    }

    public FilterRule(Set<String> kfuncs, ContextPredicate allowWhen) {
        this(kfuncs, Set.of(), allowWhen);
    }

    public static FilterRule allowOnly(ContextPredicate when, String... kfuncs) {
        return new FilterRule(Set.of(kfuncs), when);
    }

    /** "every kfunc of these sets": a rule over whole sets. */
    public static FilterRule allowSets(ContextPredicate when, String... sets) {
        return new FilterRule(Set.of(), Set.of(sets), when);
    }

    /** The rule with its sets replaced by their entries in {@code catalogSets} (sets not there name nothing). */
    public FilterRule resolve(Map<String, KfuncSet> catalogSets) {
        if (sets.isEmpty()) return this;
        Set<String> ks = new LinkedHashSet<>(kfuncs);
        for (String s : sets) {
            KfuncSet set = catalogSets.get(s);
            if (set != null) set.entries().stream().map(SetEntry::kfunc).forEach(ks::add);
        }
        return new FilterRule(ks, Set.of(), allowWhen);
    }
}
