package io.kflab.catalog.structops;

import io.kflab.catalog.context.Truth;
import io.kflab.catalog.kfunc.Prototype;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of a struct_ops type (kernel: a function-pointer member of e.g. struct sched_ext_ops):
 * its index, prototype, whether a sleepable program may implement it, and its context class
 * (sched_ext: SELECT_CPU, ENQUEUE, DISPATCH, CPU_RELEASE, REST, UNLOCKED).
 */
public record OpsMember(String name, int index, Optional<Prototype> prototype, Truth sleepable, Optional<String> contextClass) {
    public OpsMember {
        Objects.requireNonNull(name);
        Objects.requireNonNull(prototype);
        Objects.requireNonNull(sleepable);
        Objects.requireNonNull(contextClass);
    }

    public static OpsMember of(String name, int index) {
        return new OpsMember(name, index, Optional.empty(), Truth.UNKNOWN, Optional.empty());
    }

    public OpsMember withPrototype(Prototype p) { return new OpsMember(name, index, Optional.of(p), sleepable, contextClass); }

    public OpsMember withSleepable(boolean s) { return new OpsMember(name, index, prototype, Truth.of(s), contextClass); }

    public OpsMember withContextClass(String c) { return new OpsMember(name, index, prototype, sleepable, Optional.of(c)); }

    /** This member with other's known facts laid over it (index from other). */
    public OpsMember overlay(OpsMember o) {
        return new OpsMember(name, o.index, o.prototype.or(() -> prototype),
                o.sleepable != Truth.UNKNOWN ? o.sleepable : sleepable, o.contextClass.or(() -> contextClass));
    }
}
