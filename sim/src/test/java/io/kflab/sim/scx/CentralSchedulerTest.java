package io.kflab.sim.scx;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.Progress;
import io.kflab.sim.runtime.maps.SimMap;
import io.kflab.sim.scenario.Scenario;
import io.kflab.sim.scenario.SimResult;
import io.kflab.sim.scenario.Simulation;
import io.kflab.sim.scx.bpf.BpfScheduler;
import io.kflab.sim.workload.WorkloadKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The shipped {@code central} scheduler: CPU 0's ops.dispatch places the tasks of every CPU (like scx_central). */
class CentralSchedulerTest {
    static final long MS = 1_000_000;

    private static long dispatchedTo(BpfScheduler b, int cpu) {
        SimMap m = b.map("central_dispatched").orElseThrow();
        byte[] key = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(cpu).array();
        return ByteBuffer.wrap(m.userLookup(key).orElseThrow()).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void theCentralCpuPlacesTasksOnEveryCpuAndAllCpusRunThem() {
        Scenario s = new Scenario("central", 4, 2_000 * MS, 1, "central", WorkloadKind.MIXED, 32, false, "RUNTIME_MASK");
        Simulation sim = Simulation.of(s, List.of());
        SimResult r = sim.run(Progress.quiet());
        assertThat(sim.scx().exitInfo()).isNull();
        assertThat(r.tasksLost()).isZero();
        BpfScheduler b = (BpfScheduler) sim.scx().ops();
        for (int cpu = 0; cpu < 4; cpu++) {
            assertThat(dispatchedTo(b, cpu)).as("tasks CPU 0 placed on CPU " + cpu).isGreaterThan(10);
            assertThat(r.utilisation().get(cpu)).as("busy fraction of CPU " + cpu).isGreaterThan(0.2);
        }
        // the central CPU's dispatch walks the CPUs, the others' only ask: far more instructions per call on average
        // than the 12 of a non-central call that kicks
        assertThat(r.bpfInsnsPerOp().get("dispatch")).isGreaterThan(12.0);
        assertThat(r.bpfInsnsPerOp().get("select_cpu")).isEqualTo(2.0);
    }

    @Test
    void cpuBoundTasksKeepEveryCpuBusyThroughCentralPlacements() {
        // a CPU-bound workload on 3 CPUs: slices expire, tasks go back to the ring, and CPU 0 places them again
        Scenario s = new Scenario("central-cpu", 3, 1_000 * MS, 3, "central", WorkloadKind.CPU, 12, false, "RUNTIME_MASK");
        Simulation sim = Simulation.of(s, List.of());
        SimResult r = sim.run(Progress.quiet());
        assertThat(sim.scx().exitInfo()).isNull();
        BpfScheduler b = (BpfScheduler) sim.scx().ops();
        long placed = dispatchedTo(b, 0) + dispatchedTo(b, 1) + dispatchedTo(b, 2);
        // at least every other switch-in is a task CPU 0 placed (the rest are preempted tasks resuming locally)
        assertThat(placed).isGreaterThanOrEqualTo(r.contextSwitches() / 2);
        assertThat(r.utilisation()).allSatisfy(u -> assertThat(u).isGreaterThan(0.9));
    }

    /** Whatever the workload and CPU count, the central scheduler is never ejected and loses no task. */
    @Property(tries = 12)
    void neverEjected(@ForAll WorkloadKind kind, @ForAll @IntRange(min = 1, max = 8) int cpus, @ForAll @IntRange(min = 1, max = 40) int tasks,
                      @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Scenario s = new Scenario("p", cpus, 500 * MS, seed, "central", kind, tasks, seed % 2 == 0, "RUNTIME_MASK");
        Simulation sim = Simulation.of(s, List.of());
        SimResult r = sim.run(Progress.quiet());
        assertThat(sim.scx().exitInfo()).isNull();
        assertThat(r.tasksLost()).isZero();
        assertThat(sim.kernel().invariantViolations()).isEmpty();
    }
}
