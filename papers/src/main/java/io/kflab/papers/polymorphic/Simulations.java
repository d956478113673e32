package io.kflab.papers.polymorphic;

import io.kflab.bpf.diag.Progress;
import io.kflab.sim.scenario.Scenario;
import io.kflab.sim.scenario.Simulation;
import io.kflab.sim.scx.Design;
import io.kflab.sim.workload.WorkloadKind;
import java.util.List;

/** Runs one shipped BPF scheduler in the simulated kernel under a design, at the plan's size. */
final class Simulations {
    private Simulations() {}

    static final long SEED = 1;

    static Simulation run(Plan plan, String scheduler, Design design) {
        Scenario s = new Scenario("lsfmm24", plan.cpus(), plan.durationMs() * 1_000_000L, SEED, scheduler, WorkloadKind.MIXED,
                plan.tasks(), false, design.name());
        Simulation sim = Simulation.of(s, List.of());
        sim.run(Progress.quiet());
        return sim;
    }
}
