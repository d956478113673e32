package io.kflab.sim.scx;

/** Dispatch queue ids (kernel: enum scx_dsq_id_flags): bit 63 marks the built-in ones. */
public final class DsqId {
    private DsqId() {}

    public static final long BUILTIN = 1L << 63;
    public static final long INVALID = BUILTIN;
    public static final long GLOBAL = BUILTIN | 1;
    public static final long LOCAL = BUILTIN | 2;
    public static final long LOCAL_ON = BUILTIN | (1L << 62);
    public static final long LOCAL_CPU_MASK = 0xffff_ffffL;

    public static boolean isBuiltin(long id) {
        return (id & BUILTIN) != 0;
    }

    public static boolean isLocalOn(long id) {
        return (id & LOCAL_ON) == LOCAL_ON;
    }

    /** SCX_DSQ_LOCAL_ON | cpu. */
    public static long localOn(int cpu) {
        return LOCAL_ON | cpu;
    }

    public static String format(long id) {
        return String.format("0x%016x", id);
    }
}
