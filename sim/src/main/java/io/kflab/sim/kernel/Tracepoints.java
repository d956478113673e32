package io.kflab.sim.kernel;

/** The scheduler tracepoints programs and tools attach to (kernel: trace/events/sched.h). */
public interface Tracepoints {
    /** sched_wakeup: {@code p} was woken and queued for {@code targetCpu}. */
    default void schedWakeup(long now, Task p, int targetCpu) {}

    /** sched_wakeup_new: a new task was woken for the first time. */
    default void schedWakeupNew(long now, Task p, int targetCpu) {}

    /** sched_switch: {@code cpu} switched from {@code prev} (null: idle) in {@code prevState} to {@code next} (null: idle). */
    default void schedSwitch(long now, int cpu, Task prev, TaskState prevState, Task next) {}

    /** sched_process_exit. */
    default void schedProcessExit(long now, Task p) {}
}
