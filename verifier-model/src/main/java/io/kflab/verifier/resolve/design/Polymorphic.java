package io.kflab.verifier.resolve.design;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Variant;
import io.kflab.verifier.resolve.Verdict;
import java.util.Optional;

/**
 * (c) Vernet's polymorphic kfuncs (2024, not merged): the program names a generic kfunc; the
 * subsystem's callback returns the concrete kfunc for the calling member, or refuses, and the verifier
 * rewrites the call once. kfuncs without variants resolve to themselves where the subsystem's
 * per-member rule (its filter) allows them.
 */
public record Polymorphic() implements KfuncDesign {
    static final Profile PROFILE = new Profile(Resolution.POLYMORPHIC, 'c', "polymorphic kfunc (subsystem callback)", "load", true, true,
            "none", "proposed by David Vernet, LSF/MM/BPF 2024; not merged");

    @Override public Profile profile() { return PROFILE; }

    /** The variant the subsystem's resolver returns for this member, if the kfunc is generic. */
    static Optional<Variant.Choice> choice(Subsystem s, KfuncSpec k, ResolutionContext ctx) {
        Optional<Variant> f = s.family(k);
        if (f.isEmpty() || !Checks.ownType(s, ctx)) return Optional.empty();
        return f.get().choices().stream().filter(c -> ctx.member().map(c.members()::contains).orElse(false)).findFirst();
    }

    @Override
    public Verdict decideDesign(Subsystem s, KfuncSpec k, String calledAs, ResolutionContext ctx) {
        if (k.hidden()) return Checks.notAllowed(calledAs);
        KfuncSpec target = k;
        String note;
        if (s.family(k).isPresent()) {
            Optional<Variant.Choice> c = choice(s, k, ctx);
            if (c.isEmpty()) return Checks.notAllowed(calledAs);
            target = s.kfunc(c.get().kfunc()).orElseThrow();
            note = s.name() + "'s resolver returns " + target.name() + " for " + ctx.describe() + "; the call is rewritten";
        } else {
            var denied = Checks.filter(s, k, calledAs, ctx);
            if (denied.isPresent()) return denied.get();
            note = s.name() + "'s resolver returns the kfunc itself for " + ctx.describe();
        }
        var sleep = Checks.sleepable(target, calledAs, ctx);
        if (sleep.isPresent()) return sleep.get();
        return new Verdict.AllowedAtLoad(target.name(), note);
    }
}
