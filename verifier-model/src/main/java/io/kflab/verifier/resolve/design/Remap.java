package io.kflab.verifier.resolve.design;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;

/**
 * (d) Song Liu's btf_kfunc_id_set remap (v6-v11, Dec 2024 - Jan 2025, dropped): the set has a
 * hidden_set callable only through remap, and remap(prog, kfunc_id) replaces the BTF id during kfunc
 * discovery; the set's filter still denies. With no remap for the context, the named kfunc is called.
 */
public record Remap() implements KfuncDesign {
    static final Profile PROFILE = new Profile(Resolution.REMAP, 'd', "remap callback + hidden set", "load", true, true,
            "none", "Song Liu, bpf: Extend btf_kfunc_id_set to handle kfunc polymorphism (v6-v11), dropped in v12");

    @Override public Profile profile() { return PROFILE; }

    @Override
    public Verdict decideDesign(Subsystem s, KfuncSpec k, String calledAs, ResolutionContext ctx) {
        if (k.hidden()) return Checks.notAllowed(calledAs);
        var denied = Checks.filter(s, k, calledAs, ctx);
        if (denied.isPresent()) return denied.get();
        var c = Polymorphic.choice(s, k, ctx);
        KfuncSpec target = c.map(x -> s.kfunc(x.kfunc()).orElseThrow()).orElse(k);
        var sleep = Checks.sleepable(target, calledAs, ctx);
        if (sleep.isPresent()) return sleep.get();
        return new Verdict.AllowedAtLoad(target.name(), c.isPresent()
                ? "remap(prog, " + k.name() + ") returns hidden " + target.name() + " for " + ctx.describe()
                : "no remap for " + ctx.describe() + "; the named kfunc is called");
    }
}
