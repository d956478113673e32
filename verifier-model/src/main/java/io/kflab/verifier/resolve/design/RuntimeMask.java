package io.kflab.verifier.resolve.design;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;

/**
 * (a) sched_ext 6.12-7.0: every kfunc registered for all of STRUCT_OPS; the kernel sets the op's
 * kf_mask around each callback and the kfunc tests it (scx_kf_allowed), so a wrong call loads and
 * fails when it runs.
 */
public record RuntimeMask() implements KfuncDesign {
    static final Profile PROFILE = new Profile(Resolution.RUNTIME_MASK, 'a', "run-time kf_mask check", "run", false, true,
            "mask set/clear around every op + a test in every guarded kfunc", "sched_ext 6.12-7.0 (scx_kf_allowed)");

    @Override public Profile profile() { return PROFILE; }

    @Override
    public Verdict decideDesign(Subsystem s, KfuncSpec k, String calledAs, ResolutionContext ctx) {
        if (k.hidden()) return Checks.notAllowed(calledAs);
        var sleep = Checks.sleepable(k, calledAs, ctx);
        if (sleep.isPresent()) return sleep.get();
        return Checks.atRuntime(s, k, k.name(), ctx, "registered for STRUCT_OPS; kf_mask 0x"
                + Long.toHexString(s.bits(ctx.kfMask())) + " passes its run-time check" + Checks.runtimeBranch(s, k, ctx));
    }
}
