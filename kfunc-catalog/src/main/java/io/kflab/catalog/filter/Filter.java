package io.kflab.catalog.filter;

import io.kflab.catalog.context.ContextFacts;
import io.kflab.catalog.context.Truth;
import io.kflab.catalog.provenance.Source;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kfunc filter as data (kernel: btf_kfunc_id_set.filter, which returns nonzero to deny, run for
 * every kfunc looked up at the hooks its set is registered for), or a hard-coded verifier check
 * that needs a fact about the program ({@link Kind#VERIFIER_CHECK}, e.g. device-bound XDP).
 * Kfuncs no rule names are not governed: the filter lets them pass.
 */
public record Filter(String name, Kind kind, List<FilterRule> rules, List<Source> sources) {

    /** Where the kernel makes the decision. */
    public enum Kind {
        /** btf_kfunc_id_set.filter, during kfunc lookup; denial reads "calling kernel function %s is not allowed". */
        SET_FILTER,
        /** A check in the verifier after lookup (kernel: check_kfunc_call / specialize_kfunc). */
        VERIFIER_CHECK
    }

    public Filter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        rules = List.copyOf(rules);
        sources = List.copyOf(sources);
    }

    public static Filter of(String name, List<FilterRule> rules, Source... sources) {
        return new Filter(name, Kind.SET_FILTER, rules, List.of(sources));
    }

    /** This filter with the sets its rules name replaced by their entries in {@code catalogSets}. */
    public Filter resolve(java.util.Map<String, io.kflab.catalog.kfunc.KfuncSet> catalogSets) {
        return new Filter(name, kind, rules.stream().map(r -> r.resolve(catalogSets)).toList(), sources);
    }

    /** Whether a rule of this filter names the kfunc (rules naming sets must be {@link #resolve resolved} first). */
    public boolean governs(String kfunc) {
        for (FilterRule r : rules) if (r.kfuncs().contains(kfunc)) return true;
        return false;
    }

    /** The decision for a kfunc in a context: empty if not governed, else the first rule's truth (TRUE = allowed) and the rule. */
    public Optional<Outcome> decide(String kfunc, ContextFacts facts) {
        for (FilterRule r : rules) {
            if (r.kfuncs().contains(kfunc)) return Optional.of(new Outcome(r.allowWhen().test(facts), r));
        }
        return Optional.empty();
    }

    /** A governed kfunc's outcome: whether the rule's condition holds, and the rule. */
    public record Outcome(Truth allowed, FilterRule rule) {}
}
