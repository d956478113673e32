package io.kflab.verifier.resolve;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A struct_ops callback as kfunc resolution sees it (kernel: a member of e.g. struct sched_ext_ops):
 * its index, the classes set around it at run time ({@code kfMask}, sched_ext 6.12 SCX_CALL_OP masks),
 * the classes a load-time filter grants it ({@code allow}, 7.1 scx_kf_allow_flags), whether
 * check_member accepts a sleepable program, where it may run, the locks held at entry, its arguments.
 */
public record MemberSpec(String name, int index, Set<String> kfMask, Set<String> allow, boolean sleepable,
        Set<ExecContext> exec, Set<HeldLock> locks, List<ArgSpec> args) {
    public MemberSpec {
        Objects.requireNonNull(name);
        kfMask = Set.copyOf(kfMask);
        allow = Set.copyOf(allow);
        exec = Set.copyOf(exec);
        locks = Set.copyOf(locks);
        args = List.copyOf(args);
    }
}
