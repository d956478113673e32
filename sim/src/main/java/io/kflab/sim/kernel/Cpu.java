package io.kflab.sim.kernel;

/**
 * A simulated CPU (kernel: struct rq): the task on it, whether its run-queue lock is held, the
 * execution context and preempt count of the code running on it, and its accounting.
 */
public final class Cpu {
    public final int id;
    Task curr;
    /** Bumped whenever the timer of the current run is invalidated (preemption, reschedule). */
    long generation;
    boolean needResched;
    boolean reschedPending;
    long busyNs;
    long lastUpdate;
    boolean rqLocked;
    ExecContext context = ExecContext.TASK;
    int preemptCount;
    /** When the current task's slice ends. */
    long sliceEnd;

    Cpu(int id) {
        this.id = id;
    }

    /** The running task, or null when idle (kernel: rq->curr == rq->idle). */
    public Task curr() {
        return curr;
    }

    public boolean idle() {
        return curr == null;
    }

    public boolean rqLocked() {
        return rqLocked;
    }

    public ExecContext context() {
        return context;
    }

    public int preemptCount() {
        return preemptCount;
    }

    public long busyNs() {
        return busyNs;
    }
}
