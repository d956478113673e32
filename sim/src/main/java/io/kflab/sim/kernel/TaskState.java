package io.kflab.sim.kernel;

/** Where a task is (kernel: task_struct->__state plus on_rq / on_cpu). */
public enum TaskState {
    /** Created, not yet woken for the first time (kernel: before wake_up_new_task). */
    NEW,
    /** Runnable and queued in the scheduling class, waiting for a CPU (on_rq, !on_cpu). */
    QUEUED,
    /** Running on a CPU (on_cpu). */
    RUNNING,
    /** Blocked, a wakeup is pending (TASK_INTERRUPTIBLE). */
    SLEEPING,
    /** Exited (TASK_DEAD). */
    DEAD
}
