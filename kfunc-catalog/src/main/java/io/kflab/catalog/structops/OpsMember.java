package io.kflab.catalog.structops;

import io.kflab.catalog.context.Truth;
import io.kflab.catalog.kfunc.Prototype;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of a struct_ops type (kernel: a member of e.g. struct sched_ext_ops): its index, prototype,
 * whether a sleepable program may implement it, its context classes (sched_ext: SELECT_CPU, ENQUEUE,
 * DISPATCH, CPU_RELEASE, REST, UNLOCKED; several for a member that belongs to more than one), whether
 * it is a callback (false for a data field, whose type is then the prototype's return type) and the
 * {@code CONFIG_X} it depends on, if any.
 */
public record OpsMember(String name, int index, Optional<Prototype> prototype, Truth sleepable, List<String> contextClasses,
        boolean callback, Optional<String> condition) {
    public OpsMember {
        Objects.requireNonNull(name);
        Objects.requireNonNull(prototype);
        Objects.requireNonNull(sleepable);
        contextClasses = List.copyOf(new LinkedHashSet<>(contextClasses));
        Objects.requireNonNull(condition);
    }

    /** A callback member about which nothing else is known. */
    public static OpsMember of(String name, int index) {
        return new OpsMember(name, index, Optional.empty(), Truth.UNKNOWN, List.of(), true, Optional.empty());
    }

    /** A data field of this C type (kernel: validated by init_member; no program implements it). */
    public static OpsMember field(String name, int index, String type) {
        return new OpsMember(name, index, Optional.of(new Prototype(type, List.of(), false)), Truth.FALSE, List.of(), false,
                Optional.empty());
    }

    public OpsMember withPrototype(Prototype p) {
        return new OpsMember(name, index, Optional.of(p), sleepable, contextClasses, callback, condition);
    }

    public OpsMember withSleepable(boolean s) {
        return new OpsMember(name, index, prototype, Truth.of(s), contextClasses, callback, condition);
    }

    /** This member with one more context class. */
    public OpsMember withContextClass(String c) {
        List<String> cs = new java.util.ArrayList<>(contextClasses);
        cs.add(c);
        return new OpsMember(name, index, prototype, sleepable, cs, callback, condition);
    }

    /** This member inside {@code #ifdef config}. */
    public OpsMember when(String config) {
        return new OpsMember(name, index, prototype, sleepable, contextClasses, callback, Optional.of(config));
    }

    /** This member with other's known facts laid over it (index, callback from other). */
    public OpsMember overlay(OpsMember o) {
        return new OpsMember(name, o.index, o.prototype.or(() -> prototype),
                o.sleepable != Truth.UNKNOWN ? o.sleepable : sleepable,
                o.contextClasses.isEmpty() ? contextClasses : o.contextClasses, o.callback,
                o.condition.or(() -> condition));
    }
}
