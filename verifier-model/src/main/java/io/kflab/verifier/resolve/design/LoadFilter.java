package io.kflab.verifier.resolve.design;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;
import java.util.TreeSet;

/**
 * (b) bpf_qdisc 6.16, sched_ext 7.1: the kfunc set's filter(prog, kfunc_id) maps the program's member
 * (prog->aux->attach_st_ops_member_off) to allow classes and denies at load; no run-time mask.
 */
public record LoadFilter() implements KfuncDesign {
    static final Profile PROFILE = new Profile(Resolution.LOAD_FILTER, 'b', "load-time filter per member", "load", true, false,
            "none", "bpf_qdisc 6.16, sched_ext 7.1 (scx_kfunc_context_filter)");

    @Override public Profile profile() { return PROFILE; }

    @Override
    public Verdict decideDesign(Subsystem s, KfuncSpec k, String calledAs, ResolutionContext ctx) {
        if (k.hidden()) return Checks.notAllowed(calledAs);
        var denied = Checks.filter(s, k, calledAs, ctx);
        if (denied.isPresent()) return denied.get();
        var sleep = Checks.sleepable(k, calledAs, ctx);
        if (sleep.isPresent()) return sleep.get();
        String why = k.filter().map(f -> "the filter needs " + f.describe() + "; the member has " + new TreeSet<>(ctx.allow()))
                .orElse("not context-sensitive: allowed from every member of " + s.structOps());
        return new Verdict.AllowedAtLoad(k.name(), why);
    }
}
