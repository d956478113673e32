package io.kflab.catalog.kfunc;

import io.kflab.catalog.context.ContextPredicate;
import io.kflab.catalog.provenance.Source;
import java.util.List;
import java.util.Objects;

/**
 * A polymorphic kfunc (kernel: verifier specialize_kfunc, or a proposed polymorphic kfunc): the
 * generic name programs call and concrete variants, the first whose predicate holds being used.
 */
public record Family(String generic, List<Variant> variants, List<Source> sources) {
    public Family {
        Objects.requireNonNull(generic);
        variants = List.copyOf(variants);
        sources = List.copyOf(sources);
    }

    public static Family of(String generic, Variant... variants) {
        return new Family(generic, List.of(variants), List.of());
    }

    /** A concrete kfunc bound to the contexts it serves. */
    public record Variant(String kfunc, ContextPredicate when) {
        public Variant {
            Objects.requireNonNull(kfunc);
            Objects.requireNonNull(when);
        }
    }
}
