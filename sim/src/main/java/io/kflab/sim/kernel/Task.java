package io.kflab.sim.kernel;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * A simulated task (kernel: struct task_struct with its sched_entity / sched_ext_entity parts):
 * identity, weight, allowed CPUs, state, the phase it is in, and its accounting. Scheduling
 * classes keep their per-task data in {@link #classData}.
 */
public final class Task {
    public final int pid;
    public final String comm;
    private int weight;
    private final BitSet cpusAllowed;
    final Behaviour behaviour;
    final SplittableRandom rnd;

    TaskState state = TaskState.NEW;
    /** CPU it runs on or last ran on; -1 before its first run. */
    int cpu = -1;
    /** CPU time still needed by the current run phase. */
    long runLeft;
    /** When it last became runnable-and-waiting (wakeup or preemption), for the run-queue latency. */
    long waitingSince = -1;
    /** When it last started running on {@link #cpu}. */
    long runningSince;
    /** Total CPU time received (kernel: se.sum_exec_runtime). */
    long sumExecRuntime;
    long createdAt = -1;
    long exitedAt = -1;
    int nrSwitches;

    /** Free for the scheduling class that owns the task (e.g. vruntime, sched_ext's slice and dsq). */
    public Object classData;

    Task(int pid, String comm, int weight, BitSet cpusAllowed, Behaviour behaviour, long seed) {
        this.pid = pid;
        this.comm = comm;
        this.weight = weight;
        this.cpusAllowed = (BitSet) cpusAllowed.clone();
        this.behaviour = behaviour;
        this.rnd = new SplittableRandom(seed);
    }

    public int weight() {
        return weight;
    }

    void setWeight(int weight) {
        this.weight = weight;
    }

    public boolean allowedOn(int cpu) {
        return cpusAllowed.get(cpu);
    }

    public BitSet cpusAllowed() {
        return (BitSet) cpusAllowed.clone();
    }

    public int nrCpusAllowed() {
        return cpusAllowed.cardinality();
    }

    public TaskState state() {
        return state;
    }

    /** CPU it runs on or last ran on; -1 before its first run (kernel: task_cpu()). */
    public int cpu() {
        return cpu;
    }

    public long sumExecRuntime() {
        return sumExecRuntime;
    }

    public long createdAt() {
        return createdAt;
    }

    public long exitedAt() {
        return exitedAt;
    }

    public long waitingSince() {
        return waitingSince;
    }

    @Override
    public String toString() {
        return comm + "[" + pid + "]";
    }
}
