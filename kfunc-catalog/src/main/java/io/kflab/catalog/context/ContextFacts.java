package io.kflab.catalog.context;

import java.util.Objects;
import java.util.Optional;

/**
 * What a predicate may look at: the calling context plus the context class of its struct_ops
 * member (e.g. sched_ext's SELECT_CPU), if the catalog knows one.
 */
public record ContextFacts(CallingContext context, Optional<String> contextClass) {
    public ContextFacts {
        Objects.requireNonNull(context);
        Objects.requireNonNull(contextClass);
    }

    public static ContextFacts of(CallingContext context) {
        return new ContextFacts(context, Optional.empty());
    }
}
