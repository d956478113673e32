package io.kflab.sim.scx;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.Progress;
import io.kflab.sim.scenario.Scenario;
import io.kflab.sim.scenario.SimResult;
import io.kflab.sim.scenario.Simulation;
import io.kflab.sim.workload.WorkloadKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-CPU mask and marker work each design's kernel does, counted while a BPF scheduler runs. */
class RuntimeWorkTest {
    static Simulation run(String scheduler, String design) {
        Scenario s = new Scenario("work", 4, 500_000_000L, 3, scheduler, WorkloadKind.MIXED, 24, false, design);
        Simulation sim = Simulation.of(s, List.of());
        sim.run(Progress.quiet());
        return sim;
    }

    @Test
    void runtimeMaskWritesTheMaskAroundEveryOpAndTestsItInEveryGuardedKfunc() {
        RuntimeWork w = run("fifo", "RUNTIME_MASK").scx().runtimeWork();
        assertThat(w.opCalls()).isPositive();
        assertThat(w.maskWrites()).isEqualTo(2 * w.opCalls());
        assertThat(w.maskTests()).isPositive();
        assertThat(w.markerAccesses()).isPositive();
    }

    @Test
    void loadFilterKeepsOnlyTheDirectDispatchMarkerAndPolymorphicNothing() {
        Simulation mask = run("fifo", "RUNTIME_MASK"), filter = run("fifo", "LOAD_FILTER"), poly = run("fifo", "POLYMORPHIC");
        RuntimeWork f = filter.scx().runtimeWork(), p = poly.scx().runtimeWork();
        assertThat(f.maskWrites() + f.maskTests()).isZero();
        assertThat(f.markerAccesses()).isEqualTo(mask.scx().runtimeWork().markerAccesses());
        assertThat(p.total()).isZero();
        // the designs differ in bookkeeping only: the same ops run and the same tasks complete
        assertThat(p.opCalls()).isEqualTo(f.opCalls()).isEqualTo(mask.scx().runtimeWork().opCalls());
        SimResult a = mask.result(), b = poly.result();
        assertThat(b.tasksCompleted()).isEqualTo(a.tasksCompleted());
        assertThat(b.contextSwitches()).isEqualTo(a.contextSwitches());
    }
}
