package io.kflab.catalog.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A struct_ops member: a callback (its prototype) or a data field (prototype without parameters
 * and {@code function == false}), whether a sleepable program may implement it, its context
 * classes and an optional config condition.
 */
public record OpsMember(Prototype decl, boolean function, boolean sleepable, List<Name> classes,
        Optional<Name> condition, Loc loc) implements Node {
    public OpsMember {
        classes = List.copyOf(classes);
    }

    public String name() {
        return decl.name();
    }
}
