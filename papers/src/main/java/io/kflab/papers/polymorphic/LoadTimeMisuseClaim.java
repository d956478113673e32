package io.kflab.papers.polymorphic;

import io.kflab.catalog.structops.Resolution;
import io.kflab.sim.scenario.SimResult;
import io.kflab.sim.scenario.Simulation;
import io.kflab.sim.scx.Design;
import io.kflab.sim.scx.ExitInfo;
import io.kflab.verifier.resolve.DesignMatrix;
import io.kflab.verifier.resolve.Verdict.Kind;
import java.util.List;
import java.util.Locale;

/**
 * Claim 2: a kfunc called from the wrong callback is refused when the program loads instead of
 * ejecting the running scheduler. Shown by running the broken-context scheduler under each design
 * in the simulated kernel, and by the verdict matrices' counts of run-time failures and load-time rejections.
 */
final class LoadTimeMisuseClaim {
    private LoadTimeMisuseClaim() {}

    static final String BROKEN = "broken-context";

    static ClaimResult run(Plan plan, List<DesignMatrix> matrices) {
        Conditions c = new Conditions();
        StringBuilder md = new StringBuilder();
        md.append("The shipped `" + BROKEN + "` scheduler calls `scx_bpf_dsq_move_to_local` from `ops.enqueue` (only `ops.dispatch` may). "
                + String.format(Locale.ROOT, "Each design runs it for %d ms on %d CPUs with %d tasks:%n%n", plan.durationMs(), plan.cpus(), plan.tasks()));
        md.append("| design | outcome | ops the scheduler ran | tasks completed | kernel message |\n|---|---|---:|---:|---|\n");
        for (Design d : Design.values()) {
            Simulation sim = Simulations.run(plan, BROKEN, d);
            SimResult r = sim.result();
            boolean rejected = r.exitReason().startsWith("rejected at load");
            long ops = sim.scx() == null ? 0 : sim.scx().opCalls().values().stream().mapToLong(Long::longValue).sum();
            ExitInfo exit = sim.scx() == null ? null : sim.scx().exitInfo();
            String outcome = rejected ? "rejected at load" : exit != null ? "ejected at run time (" + exit.kind() + ")" : "kept running";
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d | %s |%n", d, outcome, ops, r.tasksCompleted(),
                    (rejected ? r.exitReason().substring("rejected at load: ".length()) : exit == null ? "" : exit.message()).replace("|", "\\|")));
            if (d == Design.RUNTIME_MASK) {
                c.check("RUNTIME_MASK loads " + BROKEN + ", runs " + ops + " ops, then ejects it with a run-time error",
                        !rejected && exit != null && exit.kind() == ExitInfo.Kind.ERROR && ops > 0);
            } else {
                c.check(d + " refuses " + BROKEN + " at load with EACCES before any op runs",
                        rejected && r.exitReason().contains("EACCES") && sim.scx() == null);
            }
            c.check(d + ": no task is lost either way (" + r.tasksLost() + ")", r.tasksLost() == 0);
        }
        md.append("\nEvery (kfunc, member) cell of the verdict matrices, one call at the member's entry (`kflab designs matrix`):\n\n");
        md.append("| subsystem | design | allowed at load | rejected at load | allowed, fails at run time |\n|---|---|---:|---:|---:|\n");
        for (DesignMatrix m : matrices) {
            for (Resolution d : Matrices.DESIGNS) {
                var k = m.counts().get(d);
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d |%n", m.subsystem().name(), d, k.get(Kind.ALLOWED_AT_LOAD),
                        k.get(Kind.REJECTED_AT_LOAD), k.get(Kind.ALLOWED_FAILS_AT_RUNTIME)));
            }
        }
        DesignMatrix scx = matrices.getFirst();
        long runtimeFails = Matrices.count(scx, cell -> Matrices.kind(cell, Resolution.RUNTIME_MASK) == Kind.ALLOWED_FAILS_AT_RUNTIME);
        long nowRejected = Matrices.count(scx, cell -> Matrices.kind(cell, Resolution.RUNTIME_MASK) == Kind.ALLOWED_FAILS_AT_RUNTIME
                && Matrices.kind(cell, Resolution.POLYMORPHIC) == Kind.REJECTED_AT_LOAD);
        long nowAllowed = Matrices.count(scx, cell -> Matrices.kind(cell, Resolution.RUNTIME_MASK) == Kind.ALLOWED_FAILS_AT_RUNTIME
                && Matrices.kind(cell, Resolution.POLYMORPHIC) == Kind.ALLOWED_AT_LOAD);
        md.append(String.format(Locale.ROOT, "%nOf the %d sched_ext cells that load and then eject the scheduler under RUNTIME_MASK, POLYMORPHIC "
                + "rejects %d at load and allows %d (its per-member rule, the 7.1 filter's, admits them: the designs disagree on what is legal "
                + "there, not on when it is found).%n", runtimeFails, nowRejected, nowAllowed));
        c.check("sched_ext: RUNTIME_MASK has cells that fail only at run time (" + runtimeFails + ")", runtimeFails > 0);
        for (DesignMatrix m : matrices) {
            for (Resolution d : List.of(Resolution.LOAD_FILTER, Resolution.POLYMORPHIC)) {
                long n = m.counts().get(d).get(Kind.ALLOWED_FAILS_AT_RUNTIME);
                c.check(m.subsystem().name() + ": " + d + " has no cell that fails at run time (" + n + ")", n == 0);
            }
        }
        c.check("sched_ext: every cell RUNTIME_MASK fails at run time either is rejected at load by POLYMORPHIC or is legal under it ("
                + nowRejected + " + " + nowAllowed + " = " + runtimeFails + ")", nowRejected + nowAllowed == runtimeFails);
        return new ClaimResult(2, "Misuse is caught at load instead of ejecting the scheduler at run time",
                "With the 6.12 run-time mask, a kfunc called from a callback that may not call it loads fine and is found only when that "
                        + "path executes, by ejecting the scheduler (and only on executed paths); resolving per member at load lets the "
                        + "verifier refuse the program with an error instead.",
                c.allHold(), c.markdown(), md.toString());
    }
}
