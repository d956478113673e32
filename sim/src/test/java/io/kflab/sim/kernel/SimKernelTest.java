package io.kflab.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kflab.sim.sched.FairClass;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimKernelTest {
    static final long MS = 1_000_000, S = 1_000_000_000L;

    /** No IPI latency, so that times come out round. */
    static KernelConfig exact(int cpus) {
        return new KernelConfig(cpus, 250, 0, 1);
    }

    static Behaviour forever() {
        return r -> new Phase.Run(1_000 * MS);
    }

    @Test
    void twoEqualTasksOnOneCpuShareIt() {
        SimKernel k = new SimKernel(exact(1), new FairClass());
        BitSet one = k.allCpus();
        Task a = k.spawn(0, "a", 1024, one, forever()), b = k.spawn(0, "b", 1024, one, forever());
        k.runUntil(S);
        assertThat(a.sumExecRuntime() + b.sumExecRuntime()).isEqualTo(S);
        assertThat((double) a.sumExecRuntime() / S).isCloseTo(0.5, within(0.01));
        assertThat(k.contextSwitches()).isGreaterThan(100);
        assertThat(k.invariantViolations()).isEmpty();
    }

    @Test
    void cpuTimeFollowsWeight() {
        SimKernel k = new SimKernel(exact(1), new FairClass());
        Task heavy = k.spawn(0, "heavy", 2048, k.allCpus(), forever()), light = k.spawn(0, "light", 1024, k.allCpus(), forever());
        k.runUntil(2 * S);
        assertThat((double) heavy.sumExecRuntime() / light.sumExecRuntime()).isCloseTo(2.0, within(0.1));
    }

    @Test
    void tasksSpreadOverIdleCpusAndRespectTheirMask() {
        SimKernel k = new SimKernel(exact(4), new FairClass());
        List<Task> ts = new ArrayList<>();
        for (int i = 0; i < 4; i++) ts.add(k.spawn(0, "t" + i, 1024, k.allCpus(), forever()));
        BitSet cpu3 = new BitSet();
        cpu3.set(3);
        Task pinned = k.spawn(0, "pinned", 1024, cpu3, forever());
        k.runUntil(S);
        for (Task t : ts) assertThat(t.sumExecRuntime()).as(t.comm).isGreaterThan(S / 2);
        assertThat(pinned.cpu()).isEqualTo(3);
        for (int c = 0; c < 4; c++) assertThat(k.cpu(c).busyNs()).isEqualTo(S);
        assertThat(k.invariantViolations()).isEmpty();
    }

    @Test
    void sleepersWakeAndExitedTasksAreDead() {
        SimKernel k = new SimKernel(exact(2), new FairClass());
        int[] step = {0};
        Task t = k.spawn(0, "sleeper", 1024, k.allCpus(), r -> switch (step[0]++) {
            case 0 -> new Phase.Run(MS);
            case 1 -> new Phase.Sleep(10 * MS);
            case 2 -> new Phase.Run(2 * MS);
            default -> null;
        });
        k.runUntil(5 * MS);
        assertThat(t.state()).isEqualTo(TaskState.SLEEPING);
        k.checkInvariants();
        k.runUntil(20 * MS);
        assertThat(t.state()).isEqualTo(TaskState.DEAD);
        assertThat(t.sumExecRuntime()).isEqualTo(3 * MS);
        assertThat(t.exitedAt()).isEqualTo(13 * MS);
    }

    @Test
    void switchingClassHandsEveryQueuedTaskOver() {
        SimKernel k = new SimKernel(exact(2), new FairClass());
        for (int i = 0; i < 10; i++) k.spawn(0, "t" + i, 1024, k.allCpus(), forever());
        k.runUntil(50 * MS);
        FairClass next = new FairClass();
        k.switchClass(next);
        assertThat(k.schedClass()).isSameAs(next);
        k.checkInvariants();
        k.runUntil(S);
        k.checkInvariants();
        for (Task t : k.tasks()) assertThat(t.sumExecRuntime()).as(t.comm).isGreaterThan(50 * MS);
    }

    @Test
    void aWakeupOnAnIdleCpuWaitsForTheIpi() {
        SimKernel k = new SimKernel(KernelConfig.of(2, 1), new FairClass());
        io.kflab.sim.metrics.LatencyRecorder lat = new io.kflab.sim.metrics.LatencyRecorder();
        k.addTracepoints(lat);
        int[] step = {0};
        k.spawn(0, "io", 1024, k.allCpus(), r -> step[0]++ % 2 == 0 ? new Phase.Run(100_000) : new Phase.Sleep(MS));
        k.runUntil(100 * MS);
        assertThat(lat.count()).isGreaterThan(50);
        assertThat(lat.latencyUs().max()).isEqualTo(KernelConfig.DEFAULT_IPI_NS / 1000.0);
        assertThat(lat.latencyUs().p50()).isEqualTo(KernelConfig.DEFAULT_IPI_NS / 1000.0);
    }

    @Test
    void wakeupsAndTicksRunAsHardInterrupts() {
        SimKernel k = new SimKernel(exact(2), new FairClass());
        java.util.List<String> seen = new java.util.ArrayList<>();
        k.addTracepoints(new Tracepoints() {
            @Override
            public void schedWakeup(long now, Task p, int targetCpu) {
                Cpu c = k.cpu(Math.max(p.cpu(), 0));
                seen.add(c.context() + "/" + c.preemptCount());
            }

            @Override
            public void schedWakeupNew(long now, Task p, int targetCpu) {
                seen.add("new:" + k.cpu(0).context());
            }
        });
        int[] step = {0};
        k.spawn(0, "io", 1024, k.allCpus(), r -> step[0]++ % 2 == 0 ? new Phase.Run(MS) : new Phase.Sleep(MS));
        k.runUntil(10 * MS);
        assertThat(seen.getFirst()).isEqualTo("new:TASK");
        assertThat(seen.subList(1, seen.size())).isNotEmpty().allMatch(x -> x.equals("HARDIRQ/" + SimKernel.HARDIRQ_OFFSET));
        for (int c = 0; c < 2; c++) {
            assertThat(k.cpu(c).context()).isEqualTo(ExecContext.TASK);
            assertThat(k.cpu(c).preemptCount()).isZero();
        }
    }
}
