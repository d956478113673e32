package io.kflab.verifier.resolve.design;

import io.kflab.bpf.sys.Errno;
import io.kflab.catalog.context.Truth;
import io.kflab.verifier.resolve.HeldLock;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.RuntimeCheck;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;
import java.util.Optional;

/** The checks every design shares: the verifier's generic kfunc checks and the subsystem's run-time kf_mask test. */
final class Checks {
    private Checks() {}

    /** kernel/bpf/verifier.c (6.12:12895) when lookup or a filter fails. */
    static Verdict notAllowed(String kfunc) {
        return new Verdict.RejectedAtLoad("calling kernel function " + kfunc + " is not allowed", Errno.EACCES);
    }

    /** do_check (6.12:19144): no kfunc call but the graph API while holding a bpf_spin_lock. */
    static Optional<Verdict> spinLock(ResolutionContext ctx) {
        if (!ctx.locks().contains(HeldLock.BPF_SPIN_LOCK)) return Optional.empty();
        return Optional.of(new Verdict.RejectedAtLoad("function calls are not allowed while holding a lock", Errno.EINVAL));
    }

    /** check_kfunc_call (6.12:12910): KF_SLEEPABLE from a program that is not sleepable. */
    static Optional<Verdict> sleepable(KfuncSpec k, String calledAs, ResolutionContext ctx) {
        if (!k.has("KF_SLEEPABLE") || ctx.calling().sleepable()) return Optional.empty();
        return Optional.of(new Verdict.RejectedAtLoad("program must be sleepable to call sleepable kfunc " + calledAs, Errno.EACCES));
    }

    /** Whether the call comes from a member of this subsystem's struct_ops type. */
    static boolean ownType(Subsystem s, ResolutionContext ctx) {
        return ctx.calling().structOps().map(t -> t.type().equals(s.structOps())).orElse(false);
    }

    /** The load-time filter (7.1 scx_kfunc_context_filter, bpf_qdisc_kfunc_filter): empty when it allows. */
    static Optional<Verdict> filter(Subsystem s, KfuncSpec k, String calledAs, ResolutionContext ctx) {
        if (!ownType(s, ctx)) return Optional.of(notAllowed(calledAs));
        if (k.filter().isEmpty() || k.filter().get().test(ctx.allowFacts()) == Truth.TRUE) return Optional.empty();
        return Optional.of(notAllowed(calledAs));
    }

    /**
     * The kfunc's run-time check against the op's kf_mask (sched_ext 6.12 scx_kf_allowed, 6.12:1164):
     * the kernel's error text when it fails, empty when it passes.
     */
    static Optional<String> runtime(Subsystem s, KfuncSpec k, ResolutionContext ctx) {
        long op = s.bits(ctx.kfMask());
        return switch (k.runtime()) {
            case RuntimeCheck.None n -> Optional.empty();
            case RuntimeCheck.Mask m -> maskFails(s.bits(m.classes()), op);
            case RuntimeCheck.MaskOrUnlocked m -> op == 0 ? Optional.empty() : maskFails(s.bits(m.classes()), op);
            case RuntimeCheck.OnlyMembers m -> ctx.member().filter(m.members()::contains).isPresent() ? Optional.empty() : Optional.of(m.message());
        };
    }

    private static Optional<String> maskFails(long kfunc, long op) {
        if ((op & kfunc) != 0) return Optional.empty();
        return Optional.of(String.format("kfunc with mask 0x%x called from an operation only allowing 0x%x", kfunc, op));
    }

    /** The verdict of a call that loads and then meets the kfunc's run-time check. */
    static Verdict atRuntime(Subsystem s, KfuncSpec checked, String target, ResolutionContext ctx, String note) {
        Optional<String> err = runtime(s, checked, ctx);
        return err.<Verdict>map(e -> new Verdict.AllowedFailsAtRuntime(target, e)).orElseGet(() -> new Verdict.AllowedAtLoad(target, note));
    }

    /** "branches at run time to X's behaviour" for a kfunc with variants, else "". */
    static String runtimeBranch(Subsystem s, KfuncSpec k, ResolutionContext ctx) {
        return s.family(k).flatMap(f -> f.choices().stream().filter(c -> ctx.member().map(c.members()::contains).orElse(false)).findFirst())
                .map(c -> "; branches at run time to the " + c.kfunc() + " behaviour").orElse("");
    }
}
