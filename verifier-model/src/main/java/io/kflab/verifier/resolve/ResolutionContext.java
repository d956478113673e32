package io.kflab.verifier.resolve;

import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.context.ContextFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The calling context of one kfunc call site: the catalog's {@link CallingContext} (program type,
 * attach point = struct_ops type + member, sleepable), where the code runs, the locks held at the call,
 * the member's context classes (run-time kf_mask classes and load-time allow classes), the
 * ownership of its arguments and, for tracing/LSM programs, the attach function.
 */
public record ResolutionContext(CallingContext calling, Set<ExecContext> exec, Set<HeldLock> locks, Set<String> kfMask,
        Set<String> allow, Map<String, Ownership> argOwnership, Optional<String> attachFunc) {
    public ResolutionContext {
        Objects.requireNonNull(calling);
        exec = Set.copyOf(exec);
        locks = Set.copyOf(locks);
        kfMask = Set.copyOf(kfMask);
        allow = Set.copyOf(allow);
        argOwnership = Map.copyOf(argOwnership);
        Objects.requireNonNull(attachFunc);
    }

    /**
     * The context of a call made at the entry of {@code member} of {@code structOps}: sleepable as
     * asked (only where check_member accepts it), the RCU read lock held iff the program is not sleepable.
     */
    public static ResolutionContext atEntry(String structOps, MemberSpec member, boolean sleepable) {
        CallingContext c = CallingContext.structOps(structOps, member.name());
        if (sleepable && member.sleepable()) c = c.asSleepable();
        Set<HeldLock> locks = EnumSet.noneOf(HeldLock.class);
        locks.addAll(member.locks());
        if (!c.sleepable()) locks.add(HeldLock.RCU_READ_LOCK);
        Map<String, Ownership> own = new java.util.HashMap<>();
        for (ArgSpec a : member.args()) own.putIfAbsent(a.type(), a.ownership());
        return new ResolutionContext(c, member.exec(), locks, member.kfMask(), member.allow(), own, Optional.empty());
    }

    /** A program that is not a struct_ops one (tracing, syscall, tc...): no classes, the given locks. */
    public static ResolutionContext of(CallingContext calling, Set<HeldLock> locks, Optional<String> attachFunc) {
        return new ResolutionContext(calling, Set.of(ExecContext.TASK), locks, Set.of(), Set.of(), Map.of(), attachFunc);
    }

    /** The same call site with another lock held (e.g. inside bpf_spin_lock()). */
    public ResolutionContext holding(HeldLock lock) {
        Set<HeldLock> l = EnumSet.noneOf(HeldLock.class);
        l.addAll(locks);
        l.add(lock);
        return new ResolutionContext(calling, exec, l, kfMask, allow, argOwnership, attachFunc);
    }

    /** The member name, if a struct_ops program. */
    public Optional<String> member() {
        return calling.structOps().map(t -> t.member());
    }

    /** The facts catalog predicates see, with the load-time allow classes as the member's classes. */
    public ContextFacts allowFacts() {
        return new ContextFacts(calling, Optional.of(allow));
    }

    /** Short text for logs: {@code sched_ext_ops.select_cpu}, {@code syscall(sleepable)}. */
    public String describe() {
        return calling.structOps().map(Object::toString).orElse(calling.displayName()) + (calling.sleepable() && calling.structOps().isPresent() ? "(sleepable)" : "");
    }

    /** Locks as sorted names, for reports. */
    public List<String> lockNames() {
        return locks.stream().map(Enum::name).sorted().toList();
    }
}
