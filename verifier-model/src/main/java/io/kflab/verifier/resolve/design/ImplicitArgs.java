package io.kflab.verifier.resolve.design;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;

/**
 * (f) KF_IMPLICIT_ARGS (~7.0): the verifier appends the caller's bpf_prog_aux; the kfunc ({@code foo_impl})
 * reads the member from aux->attach_st_ops_member_off and branches at run time. kflab's kfunc applies
 * the subsystem's per-member rule there, so what (b) denies at load fails here when it runs.
 */
public record ImplicitArgs() implements KfuncDesign {
    static final Profile PROFILE = new Profile(Resolution.IMPLICIT_ARGS, 'f', "KF_IMPLICIT_ARGS (caller's prog aux)", "load (bind) + run (branch)",
            false, true, "one extra argument + a branch in the kfunc", "Ihor Solodrai's implicit-arguments series, ~7.0");

    @Override public Profile profile() { return PROFILE; }

    @Override
    public Verdict decideDesign(Subsystem s, KfuncSpec k, String calledAs, ResolutionContext ctx) {
        if (k.hidden()) return Checks.notAllowed(calledAs);
        var sleep = Checks.sleepable(k, calledAs, ctx);
        if (sleep.isPresent()) return sleep.get();
        if (Checks.filter(s, k, calledAs, ctx).isPresent()) {
            return new Verdict.AllowedFailsAtRuntime(k.name(), "kfunc " + k.name() + " refuses " + ctx.describe()
                    + " (decided from the caller's bpf_prog_aux)");
        }
        return new Verdict.AllowedAtLoad(k.name(), "bound to " + k.name() + "_impl(..., aux); aux names " + ctx.describe()
                + Checks.runtimeBranch(s, k, ctx));
    }
}
