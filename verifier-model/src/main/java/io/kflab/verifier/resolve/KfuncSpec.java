package io.kflab.verifier.resolve;

import io.kflab.catalog.context.ContextPredicate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A kfunc of a subsystem as the designs see it (kernel: a BTF_ID_FLAGS entry of a kfunc set): its
 * flags, the run-time check it performs, the condition a load-time filter puts on the caller
 * ({@code filter}, over the member's allow classes; empty = allowed from every member of the type), its other names, whether it is hidden (callable only
 * as a resolved variant), and where it was defined (a data file entry or a design file line).
 */
public record KfuncSpec(String name, List<String> aliases, Optional<String> set, Set<String> flags, boolean hidden,
        RuntimeCheck runtime, Optional<ContextPredicate> filter, String definedAt) {
    public KfuncSpec {
        Objects.requireNonNull(name);
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(set);
        flags = Set.copyOf(flags);
        Objects.requireNonNull(runtime);
        Objects.requireNonNull(filter);
        Objects.requireNonNull(definedAt);
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }
}
