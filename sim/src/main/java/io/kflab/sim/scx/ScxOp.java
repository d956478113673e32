package io.kflab.sim.scx;

/**
 * The sched_ext_ops callbacks the simulation calls (kernel: struct sched_ext_ops, 6.12, without
 * the cgroup ones), each with the kf_mask the 6.12 kernel sets around it (kernel: SCX_CALL_OP*),
 * the 7.1 allow flags of its load-time filter, and whether it may be sleepable.
 */
public enum ScxOp {
    SELECT_CPU(KfMask.ENQUEUE | KfMask.SELECT_CPU, Allow.SELECT_CPU | Allow.ENQUEUE, false),
    ENQUEUE(KfMask.ENQUEUE, Allow.SELECT_CPU | Allow.ENQUEUE, false),
    DEQUEUE(KfMask.REST, 0, false),
    DISPATCH(KfMask.DISPATCH, Allow.ENQUEUE | Allow.DISPATCH, false),
    TICK(KfMask.REST, 0, false),
    RUNNABLE(KfMask.REST, 0, false),
    RUNNING(KfMask.REST, 0, false),
    STOPPING(KfMask.REST, 0, false),
    QUIESCENT(KfMask.REST, 0, false),
    YIELD(KfMask.REST, 0, false),
    SET_WEIGHT(KfMask.REST, 0, false),
    SET_CPUMASK(KfMask.REST, 0, false),
    UPDATE_IDLE(KfMask.REST, 0, false),
    CPU_ACQUIRE(KfMask.REST, 0, false),
    CPU_RELEASE(KfMask.CPU_RELEASE, Allow.CPU_RELEASE, false),
    INIT_TASK(KfMask.UNLOCKED, Allow.UNLOCKED, true),
    EXIT_TASK(KfMask.REST, 0, false),
    ENABLE(KfMask.REST, 0, false),
    DISABLE(KfMask.REST, 0, false),
    DUMP(KfMask.UNLOCKED, Allow.UNLOCKED, false),
    DUMP_CPU(KfMask.REST, 0, false),
    DUMP_TASK(KfMask.REST, 0, false),
    CPU_ONLINE(KfMask.UNLOCKED, Allow.UNLOCKED, true),
    CPU_OFFLINE(KfMask.UNLOCKED, Allow.UNLOCKED, true),
    INIT(KfMask.UNLOCKED, Allow.UNLOCKED, true),
    EXIT(KfMask.UNLOCKED, Allow.UNLOCKED, true);

    /** enum scx_kf_mask (6.12). */
    public static final class KfMask {
        private KfMask() {}

        public static final int UNLOCKED = 0, CPU_RELEASE = 1, DISPATCH = 1 << 1, ENQUEUE = 1 << 2, SELECT_CPU = 1 << 3, REST = 1 << 4;
    }

    /** The 7.1 filter's allow flags (kernel: scx_kf_allow_flags). */
    public static final class Allow {
        private Allow() {}

        public static final int UNLOCKED = 1, CPU_RELEASE = 1 << 2, DISPATCH = 1 << 3, ENQUEUE = 1 << 4, SELECT_CPU = 1 << 5;
    }

    public final int kfMask;
    public final int allow71;
    public final boolean sleepable;

    ScxOp(int kfMask, int allow71, boolean sleepable) {
        this.kfMask = kfMask;
        this.allow71 = allow71;
        this.sleepable = sleepable;
    }

    /** The member name in struct sched_ext_ops. */
    public String member() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
