package io.kflab.verifier.resolve;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A generic kfunc and the concrete kfuncs it resolves to per member (Vernet's polymorphic kfunc;
 * Song Liu's remap callback), with where the family was defined.
 */
public record Variant(String generic, List<Choice> choices, String definedAt) {
    public Variant {
        Objects.requireNonNull(generic);
        choices = List.copyOf(choices);
        Objects.requireNonNull(definedAt);
    }

    /** One concrete kfunc and the members it serves. */
    public record Choice(String kfunc, Set<String> members, String definedAt) {
        public Choice {
            Objects.requireNonNull(kfunc);
            members = Set.copyOf(members);
            Objects.requireNonNull(definedAt);
        }
    }
}
