package io.kflab.catalog.context;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a predicate may look at: the calling context plus the context classes of its struct_ops
 * member (e.g. sched_ext's SELECT_CPU), if the catalog knows them (a known empty set: no class).
 */
public record ContextFacts(CallingContext context, Optional<Set<String>> contextClasses) {
    public ContextFacts {
        Objects.requireNonNull(context);
        contextClasses = contextClasses.map(Set::copyOf);
    }

    public static ContextFacts of(CallingContext context) {
        return new ContextFacts(context, Optional.empty());
    }
}
