package io.kflab.sim.scx;

import io.kflab.sim.kernel.Task;
import java.util.Set;

/**
 * A BPF scheduler as sched_ext sees it (kernel: struct sched_ext_ops): the ops it implements and
 * its data fields. Ops call back into {@link Scx} the way BPF programs call scx kfuncs. An op
 * that is not in {@link #implemented()} is never called; sched_ext's default behaviour applies.
 */
public interface ScxOps {
    /** ops.name. */
    String name();

    Set<ScxOp> implemented();

    /** ops.flags (SCX_OPS_*). */
    default long flags() {
        return 0;
    }

    /** ops.timeout_ms (0: 30 s). */
    default int timeoutMs() {
        return 0;
    }

    /** ops.dispatch_max_batch (0: 32). */
    default int dispatchMaxBatch() {
        return 0;
    }

    default int selectCpu(Scx scx, Task p, int prevCpu, long wakeFlags) {
        return prevCpu;
    }

    default void enqueue(Scx scx, Task p, long enqFlags) {}

    default void dequeue(Scx scx, Task p, long deqFlags) {}

    default void dispatch(Scx scx, int cpu, Task prev) {}

    default void tick(Scx scx, Task p) {}

    default void runnable(Scx scx, Task p, long enqFlags) {}

    default void running(Scx scx, Task p) {}

    default void stopping(Scx scx, Task p, boolean runnable) {}

    default void quiescent(Scx scx, Task p, long deqFlags) {}

    default void updateIdle(Scx scx, int cpu, boolean idle) {}

    /** Returns 0 or a negative errno (the task is then not admitted and the scheduler errors). */
    default int initTask(Scx scx, Task p) {
        return 0;
    }

    default void exitTask(Scx scx, Task p) {}

    default void enable(Scx scx, Task p) {}

    /** Returns 0 or a negative errno (the enable then fails: "ops.init() failed"). */
    default int init(Scx scx) {
        return 0;
    }

    default void exit(Scx scx, ExitInfo info) {}

    /** ops.dump: extra lines for the debug dump (kernel: scx_bpf_dump). */
    default void dump(Scx scx, StringBuilder out) {}
}
