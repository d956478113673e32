package io.kflab.sim.scx;

import io.kflab.sim.kernel.Task;

/** sched_ext's per-task state (kernel: struct sched_ext_entity): slice, dsq_vtime, the queue it is on, the direct-dispatch target. */
public final class ScxTask {
    /** Remaining slice in ns (kernel: p->scx.slice; SCX_SLICE_DFL = 20 ms). */
    public long slice;
    /** The vtime ordering key (kernel: p->scx.dsq_vtime). */
    public long dsqVtime;
    /** The weight as sched_ext reports it to ops.set_weight (kernel: p->scx.weight, 1..10000, nice 0 = 100). */
    public int weight = 100;
    Dsq dsq;
    long dsqSeq;
    /** A direct dispatch recorded in select_cpu/enqueue (kernel: p->scx.ddsp_dsq_id / ddsp_enq_flags), or INVALID. */
    long ddspDsqId = DsqId.INVALID;
    long ddspEnqFlags;
    boolean ddspVtime;
    boolean enabled;
    /** When the task last became runnable, for the watchdog (kernel: p->scx.runnable_at). */
    long runnableAt = -1;

    /** The task's sched_ext state when sched_ext owns it, else null (another class's data is left alone). */
    public static ScxTask peek(Task t) {
        return t.classData instanceof ScxTask x ? x : null;
    }

    public static ScxTask of(Task t) {
        if (!(t.classData instanceof ScxTask)) t.classData = new ScxTask();
        return (ScxTask) t.classData;
    }
}
