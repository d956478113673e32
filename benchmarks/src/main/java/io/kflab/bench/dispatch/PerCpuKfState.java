package io.kflab.bench.dispatch;

import io.kflab.sim.scx.ScxOp;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The run-time state of sched_ext 6.12's context check (kernel: current->scx.kf_mask, written by
 * scx_kf_allow/scx_kf_disallow around every SCX_CALL_OP, and the per-CPU direct_dispatch_task).
 * Accesses are opaque: the JIT must perform each one, as the kernel's barrier() and separately
 * compiled kfuncs force it to, instead of hoisting the mask out of a loop of calls.
 */
public final class PerCpuKfState {
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private final int[] kfMask;
    private final long[] ddspTask;
    private long errors;

    public PerCpuKfState(int cpus) {
        kfMask = new int[cpus];
        ddspTask = new long[cpus];
    }

    /** scx_kf_allow(op's mask) before the op: reads the mask, ors the op's bits in; returns the previous mask. */
    public int enterOp(int cpu, ScxOp op) {
        int saved = (int) INTS.getOpaque(kfMask, cpu);
        INTS.setOpaque(kfMask, cpu, saved | op.kfMask);
        return saved;
    }

    /** scx_kf_disallow after the op: the mask as it was. */
    public void exitOp(int cpu, int saved) {
        INTS.setOpaque(kfMask, cpu, saved);
    }

    /** The mask a kfunc tests (kernel: scx_kf_allowed reading current->scx.kf_mask). */
    public int mask(int cpu) {
        return (int) INTS.getOpaque(kfMask, cpu);
    }

    /** __this_cpu_read(direct_dispatch_task): 0 outside select_cpu/enqueue. */
    public long ddspTask(int cpu) {
        return (long) LONGS.getOpaque(ddspTask, cpu);
    }

    /** __this_cpu_write(direct_dispatch_task, p) around select_cpu/enqueue (0 clears it). */
    public void setDdspTask(int cpu, long p) {
        LONGS.setOpaque(ddspTask, cpu, p);
    }

    /** A failed run-time check (kernel: scx_ops_error, which ejects the scheduler). */
    void error() {
        errors++;
    }

    /** Run-time check failures so far. */
    public long errors() {
        return errors;
    }
}
