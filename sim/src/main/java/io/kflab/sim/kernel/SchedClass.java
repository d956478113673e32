package io.kflab.sim.kernel;

import java.util.List;

/**
 * A scheduling class (kernel: struct sched_class): where a waking task goes, how tasks queue,
 * which runs next, how long it may run, what the tick does. The kernel holds the CPU's run-queue
 * lock around every call except {@link #attach} and {@link #detach}.
 */
public interface SchedClass {
    String name();

    /** The class takes over scheduling on {@code kernel} (kernel: switching tasks to the class). */
    default void attach(SimKernel kernel) {}

    /** The class gives scheduling back; {@link #drain} has already taken its queued tasks. */
    default void detach(SimKernel kernel) {}

    /** A CPU for a task that is being woken (kernel: select_task_rq); must be one it may run on. */
    int selectCpu(Task p, int prevCpu, boolean newTask);

    /** {@code p} is runnable and must be queued for {@code cpu} (kernel: enqueue_task). */
    void enqueue(Task p, int cpu, boolean wakeup);

    /** The task to run next on {@code cpu}, taken out of the class's queues; null to idle (kernel: pick_next_task). */
    Task pickNext(Cpu cpu);

    /**
     * {@code prev} stops running on {@code cpu} (kernel: put_prev_task); when {@code runnable} it
     * was preempted or used its slice and the class must queue it again, otherwise it blocks or exits.
     */
    void putPrev(Cpu cpu, Task prev, boolean runnable);

    /** {@code p} starts running on {@code cpu} (kernel: set_next_task; sched_ext: ops.running). */
    default void running(Cpu cpu, Task p) {}

    /** CPU time {@code p} received since it was last charged (kernel: update_curr). */
    default void charge(Task p, long deltaNs) {}

    /** The periodic tick with {@code curr} running; true asks for a reschedule (kernel: task_tick). */
    boolean tick(Cpu cpu, Task curr);

    /** Whether the woken {@code p} should preempt {@code curr} (kernel: wakeup_preempt). */
    default boolean wakeupPreempt(Cpu cpu, Task curr, Task p) {
        return false;
    }

    /** How long {@code p} may run before the class is asked again, in ns. */
    long slice(Task p);

    default void taskNew(Task p) {}

    default void taskDead(Task p) {}

    /** Every task the class holds queued (not running), for invariant checks. */
    List<Task> queued();

    /** Removes and returns every queued task (kernel: tasks moved to another class). */
    List<Task> drain();
}
