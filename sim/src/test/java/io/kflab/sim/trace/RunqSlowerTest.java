package io.kflab.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.Progress;
import io.kflab.sim.kernel.Task;
import io.kflab.sim.kernel.TaskState;
import io.kflab.sim.kernel.Tracepoints;
import io.kflab.sim.scenario.Scenario;
import io.kflab.sim.scenario.Simulation;
import io.kflab.sim.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RunqSlowerTest {
    /** The BPF tool reports exactly the switch-ins the kernel's own bookkeeping says waited at least min_us. */
    @Property(tries = 15)
    void reportsWhatTheSchedulerSaw(@ForAll("schedulers") String scheduler, @ForAll @IntRange(min = 1, max = 4) int cpus,
                                    @ForAll @LongRange(min = 0, max = 100) long seed, @ForAll @LongRange(min = 0, max = 30_000) long minUs) {
        Scenario s = new Scenario("t", cpus, 300_000_000L, seed, scheduler, WorkloadKind.MIXED, 12, false, "RUNTIME_MASK");
        Simulation sim = Simulation.of(s, List.of());
        RunqSlower rq = new RunqSlower(minUs, sim.kernel()::now);
        List<RunqSlower.Event> expected = new ArrayList<>();
        sim.kernel().addTracepoints(new Tracepoints() {
            @Override
            public void schedSwitch(long now, int cpu, Task prev, TaskState prevState, Task next) {
                if (next == null || next == prev) return;
                long us = (now - next.waitingSince()) / 1000;
                if (us >= minUs) expected.add(new RunqSlower.Event(now, next.comm.substring(0, Math.min(15, next.comm.length())), next.pid, us));
            }
        });
        sim.kernel().addTracepoints(rq);
        sim.run(Progress.quiet());
        assertThat(rq.events()).isEqualTo(expected);
        assertThat(rq.insnsExecuted()).isPositive();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> schedulers() {
        return net.jqwik.api.Arbitraries.of("fair", "fifo", "vtime");
    }

    @org.junit.jupiter.api.Test
    void formatsLikeTheTool() {
        assertThat(RunqSlower.header(200)).startsWith("Tracing run queue latency higher than 200 us\nTIME(s)");
        assertThat(RunqSlower.line(new RunqSlower.Event(1_500_000_000L, "cpu-3", 4, 20_196)))
                .isEqualTo("1.500000     cpu-3            4                20196");
    }
}
