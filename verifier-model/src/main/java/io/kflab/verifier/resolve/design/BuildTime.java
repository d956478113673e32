package io.kflab.verifier.resolve.design;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;

/**
 * (g) distinct names chosen by the author (dsq_insert vs _vtime, ___v2, compat.bpf.h): every variant
 * is a public kfunc and libbpf resolves the name the author wrote; nothing stops a wrong choice at
 * load, so the kfunc's run-time check decides. kflab's author writes the variant that fits the member.
 */
public record BuildTime() implements KfuncDesign {
    static final Profile PROFILE = new Profile(Resolution.BUILD_TIME, 'g', "distinct names chosen at build time", "build", false, true,
            "none", "everywhere: renames, ___v2 versions, scx compat.bpf.h");

    @Override public Profile profile() { return PROFILE; }

    @Override
    public Verdict decideDesign(Subsystem s, KfuncSpec k, String calledAs, ResolutionContext ctx) {
        var c = Polymorphic.choice(s, k, ctx);
        KfuncSpec target = c.map(x -> s.kfunc(x.kfunc()).orElseThrow()).orElse(k);
        var sleep = Checks.sleepable(target, target.name(), ctx);
        if (sleep.isPresent()) return sleep.get();
        String note = c.isPresent() ? "the author calls " + target.name() + " by name for " + ctx.describe()
                : "the author calls " + target.name() + "; only its run-time check guards it";
        return Checks.atRuntime(s, target, target.name(), ctx, note);
    }
}
