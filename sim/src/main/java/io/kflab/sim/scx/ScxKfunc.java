package io.kflab.sim.scx;

import io.kflab.sim.scx.ScxOp.Allow;
import io.kflab.sim.scx.ScxOp.KfMask;

/**
 * The context-sensitive scx kfuncs (6.13+ names), each with the kf_mask its 6.12 runtime check
 * needs (kernel: scx_kf_allowed(mask)), whether it is also allowed with no mask at all (the
 * unlocked contexts), and the 7.1 filter group it belongs to.
 */
public enum ScxKfunc {
    DSQ_INSERT("scx_bpf_dsq_insert", KfMask.ENQUEUE | KfMask.DISPATCH, false, Allow.ENQUEUE | Allow.DISPATCH),
    DSQ_INSERT_VTIME("scx_bpf_dsq_insert_vtime", KfMask.ENQUEUE | KfMask.DISPATCH, false, Allow.ENQUEUE | Allow.DISPATCH),
    DISPATCH_NR_SLOTS("scx_bpf_dispatch_nr_slots", KfMask.DISPATCH, false, Allow.DISPATCH),
    DISPATCH_CANCEL("scx_bpf_dispatch_cancel", KfMask.DISPATCH, false, Allow.DISPATCH),
    DSQ_MOVE_TO_LOCAL("scx_bpf_dsq_move_to_local", KfMask.DISPATCH, false, Allow.DISPATCH),
    REENQUEUE_LOCAL("scx_bpf_reenqueue_local", KfMask.CPU_RELEASE, false, Allow.CPU_RELEASE),
    SELECT_CPU_DFL("scx_bpf_select_cpu_dfl", KfMask.SELECT_CPU, false, Allow.SELECT_CPU),
    CREATE_DSQ("scx_bpf_create_dsq", 0, true, Allow.UNLOCKED),
    /** Allowed anywhere: kick_cpu, dsq_nr_queued, destroy_dsq, error, exit, ... */
    ANY("(any)", 0, true, -1);

    public final String kernelName;
    public final int mask;
    /** Also allowed where the mask is 0 (kernel: scx_kf_allowed_if_unlocked). */
    public final boolean unlockedOk;
    /** 7.1 allow flags that admit it; -1: every context. */
    public final int allow71;

    ScxKfunc(String kernelName, int mask, boolean unlockedOk, int allow71) {
        this.kernelName = kernelName;
        this.mask = mask;
        this.unlockedOk = unlockedOk;
        this.allow71 = allow71;
    }

    /** Whether the 6.12 runtime check passes when called with {@code currentMask} set. */
    public boolean allowedAtRuntime(int currentMask) {
        if (mask == 0) return currentMask == 0 || unlockedOk || this == ANY;
        return (currentMask & mask) != 0 || (unlockedOk && currentMask == 0);
    }

    /** Whether the 7.1 load-time filter admits it in {@code op}. */
    public boolean allowedAtLoad(ScxOp op) {
        return allow71 == -1 || (op.allow71 & allow71) != 0;
    }
}
