package io.kflab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.Progress;
import io.kflab.sim.sched.FairClass;
import io.kflab.sim.workload.WorkloadKind;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SimulationPropertiesTest {
    static Scenario scenario(WorkloadKind kind, int cpus, int tasks, long seed) {
        return new Scenario("prop", cpus, 300_000_000L, seed, "fair", kind, tasks, seed % 2 == 0, "RUNTIME_MASK");
    }

    /** No task is lost and none runs on two CPUs, at any of ten points of the run. */
    @Property(tries = 60)
    void noTaskLost(@ForAll WorkloadKind kind, @ForAll @IntRange(min = 1, max = 8) int cpus,
                    @ForAll @IntRange(min = 0, max = 48) int tasks, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Scenario s = scenario(kind, cpus, tasks, seed);
        Simulation sim = new Simulation(s, FairClass::new, List.of());
        for (int i = 1; i <= 10; i++) {
            sim.kernel().runUntil(s.durationNs() * i / 10);
            assertThat(sim.kernel().invariantViolations()).isEmpty();
        }
        SimResult r = sim.result();
        assertThat(r.tasksLost()).isZero();
        assertThat(r.tasksCreated()).isLessThanOrEqualTo(tasks);
        for (double u : r.utilisation()) assertThat(u).isBetween(0.0, 1.0);
    }

    /** Identical seeds, identical results. */
    @Property(tries = 20)
    void identicalSeedsIdenticalResults(@ForAll WorkloadKind kind, @ForAll @IntRange(min = 1, max = 8) int cpus,
                                        @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Scenario s = scenario(kind, cpus, 32, seed);
        SimResult a = new Simulation(s, FairClass::new, List.of()).run(Progress.quiet());
        SimResult b = new Simulation(s, FairClass::new, List.of()).run(Progress.quiet());
        assertThat(a).isEqualTo(b);
    }

    /**
     * Work-conserving and fair: with twice as many equal CPU-bound tasks as CPUs, no CPU idles after
     * start-up and every task gets about the same CPU time.
     */
    @Property(tries = 20)
    void busyMachineNeverIdles(@ForAll @IntRange(min = 1, max = 8) int cpus, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Scenario s = new Scenario("busy", cpus, 300_000_000L, seed, "fair", WorkloadKind.CPU, cpus * 2, false, "RUNTIME_MASK");
        SimResult r = new Simulation(s, FairClass::new, List.of()).run(Progress.quiet());
        // tasks fork within the first 10 ms and sleep at most ~1 ms between long runs
        for (double u : r.utilisation()) assertThat(u).isGreaterThan(0.9);
        assertThat(r.fairness()).isGreaterThan(0.9);
    }
}
