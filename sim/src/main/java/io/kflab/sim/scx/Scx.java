package io.kflab.sim.scx;

import io.kflab.sim.kernel.Task;

/**
 * The scx kfuncs a scheduler calls (kernel: the scx_bpf_* kfuncs of kernel/sched/ext.c, 6.13+
 * names). Calls from the wrong context are caught as the chosen {@link Design} says; under
 * RUNTIME_MASK they eject the scheduler with the kernel's message.
 */
public interface Scx {
    /** SCX_SLICE_DFL: 20 ms. */
    long SLICE_DFL = 20_000_000L;

    /** scx_bpf_dsq_insert: direct dispatch from select_cpu/enqueue, buffered from dispatch. */
    void dsqInsert(Task p, long dsqId, long slice, long enqFlags);

    /** scx_bpf_dsq_insert_vtime: as dsqInsert, ordered by {@code vtime} in a user DSQ. */
    void dsqInsertVtime(Task p, long dsqId, long slice, long vtime, long enqFlags);

    /** scx_bpf_dsq_move_to_local (6.12: scx_bpf_consume): the first task of {@code dsqId} to this CPU's local DSQ. */
    boolean dsqMoveToLocal(long dsqId);

    /** scx_bpf_dispatch_nr_slots. */
    int dispatchNrSlots();

    /** scx_bpf_dispatch_cancel. */
    void dispatchCancel();

    /** scx_bpf_create_dsq: 0, or -EEXIST / -EINVAL. */
    int createDsq(long dsqId, int node);

    /** scx_bpf_dsq_nr_queued: tasks queued on {@code dsqId}, or -ENOENT. */
    int dsqNrQueued(long dsqId);

    /** scx_bpf_kick_cpu with SCX_KICK_* flags. */
    void kickCpu(int cpu, long flags);

    /** scx_bpf_select_cpu_dfl: the default idle-CPU pick; {@code isIdle[0]} says whether it is idle. */
    int selectCpuDfl(Task p, int prevCpu, long wakeFlags, boolean[] isIdle);

    /** scx_bpf_error: ejects the scheduler with kind ERROR_BPF. */
    void error(String message);

    /** scx_bpf_exit: ejects with kind UNREG_BPF and the user exit code. */
    void exit(long code, String message);

    /** The CPU the current op runs on (kernel: bpf_get_smp_processor_id). */
    int currentCpu();

    /** Virtual time in ns (kernel: bpf_ktime_get_ns / scx_bpf_now). */
    long now();

    int nrCpus();
}
