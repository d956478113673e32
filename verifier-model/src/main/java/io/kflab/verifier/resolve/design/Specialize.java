package io.kflab.verifier.resolve.design;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;
import java.util.Optional;

/**
 * (e) the verifier's own specialize_kfunc (6.3 onward): a hard-coded table swaps the implementation
 * from facts the verifier knows; it cannot deny and subsystems cannot extend it, so the subsystem keeps
 * its run-time checks.
 */
public record Specialize(SpecializeTable table) implements KfuncDesign {
    static final Profile PROFILE = new Profile(Resolution.SPECIALIZE, 'e', "verifier-internal specialize_kfunc", "load", false, true,
            "none", "kernel/bpf/verifier.c specialize_kfunc, 6.3 onward");

    public Specialize() {
        this(SpecializeTable.upstream());
    }

    @Override public Profile profile() { return PROFILE; }

    @Override
    public Verdict decideDesign(Subsystem s, KfuncSpec k, String calledAs, ResolutionContext ctx) {
        if (k.hidden()) return Checks.notAllowed(calledAs);
        var sleep = Checks.sleepable(k, calledAs, ctx);
        if (sleep.isPresent()) return sleep.get();
        Optional<SpecializeTable.Row> row = table.match(k.name(), ctx);
        String target = row.map(SpecializeTable.Row::substitute).orElse(k.name());
        String note = row.map(r -> "specialize_kfunc: " + r.condition() + " -> " + r.substitute() + " (since " + r.since() + ")")
                .orElse("no specialization applies; the subsystem's run-time check remains" + Checks.runtimeBranch(s, k, ctx));
        return Checks.atRuntime(s, k, target, ctx, note);
    }
}
