package io.kflab.sim.metrics;

import io.kflab.sim.kernel.Task;
import io.kflab.sim.kernel.TaskState;
import io.kflab.sim.kernel.Tracepoints;
import java.util.Arrays;

/**
 * Run-queue latency as runqslower measures it: from the moment a task becomes runnable and waits
 * (sched_wakeup, sched_wakeup_new, or preemption at sched_switch) to the sched_switch that puts it
 * on a CPU.
 */
public final class LatencyRecorder implements Tracepoints {
    private long[] samples = new long[1024];
    private int n;

    @Override
    public void schedSwitch(long now, int cpu, Task prev, TaskState prevState, Task next) {
        if (next == null || next == prev || next.waitingSince() < 0) return;
        if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
        samples[n++] = now - next.waitingSince();
    }

    public int count() {
        return n;
    }

    /** The latency distribution in microseconds. */
    public Latency latencyUs() {
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return new Latency(q(s, 0.50), q(s, 0.90), q(s, 0.99), n == 0 ? 0 : s[n - 1] / 1000.0, n);
    }

    /** Sorted samples in microseconds, for a CDF plot. */
    public double[] sortedUs() {
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return Arrays.stream(s).mapToDouble(v -> v / 1000.0).toArray();
    }

    private static double q(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }
}
