package io.kflab.verifier.resolve.design;

import io.kflab.bpf.sys.Errno;
import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.ArgRule;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.Ownership;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;

/**
 * (h) argument-type polymorphism: the verifier decides by the type and ownership of an argument it
 * already tracks (KF_RELEASE needs a referenced pointer: a bpf_qdisc enqueue program owns its skb, a
 * borrowed one is rejected). It cannot express caller-context rules, so other kfuncs keep their
 * run-time checks. kflab's call site passes the member's own argument of the rule's type.
 */
public record ArgType() implements KfuncDesign {
    static final Profile PROFILE = new Profile(Resolution.ARG_TYPE, 'h', "argument type / ownership", "load", true, false,
            "none", "checking half only: KF_RELEASE kfuncs and __ref struct_ops arguments");

    @Override public Profile profile() { return PROFILE; }

    @Override
    public Verdict decideDesign(Subsystem s, KfuncSpec k, String calledAs, ResolutionContext ctx) {
        if (k.hidden()) return Checks.notAllowed(calledAs);
        var sleep = Checks.sleepable(k, calledAs, ctx);
        if (sleep.isPresent()) return sleep.get();
        boolean ruled = false;
        for (ArgRule r : s.argRules()) {
            if (!r.kfunc().equals(k.name())) continue;
            ruled = true;
            Ownership has = ctx.argOwnership().get(r.type());
            if (has != r.needs()) {
                // check_kfunc_args (6.12:9272): a release kfunc's argument must be referenced
                return new Verdict.RejectedAtLoad("R" + (r.arg() + 1) + " must be referenced when passed to release function", Errno.EINVAL);
            }
        }
        if (ruled) return new Verdict.AllowedAtLoad(k.name(), "its " + s.argRules().stream().filter(r -> r.kfunc().equals(k.name()))
                .map(ArgRule::type).findFirst().orElse("") + " argument is " + Ownership.REFERENCED.name().toLowerCase() + " at " + ctx.describe());
        return Checks.atRuntime(s, k, k.name(), ctx, "no argument rule; the subsystem's run-time check remains" + Checks.runtimeBranch(s, k, ctx));
    }
}
