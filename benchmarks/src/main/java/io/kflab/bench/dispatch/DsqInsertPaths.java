package io.kflab.bench.dispatch;

import io.kflab.sim.scx.ScxKfunc;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The kfunc bodies a call of scx_bpf_dsq_insert reaches under each design. Each entry is a
 * separately compiled (never inlined) method, as a kfunc is a separate function the BPF JIT calls;
 * the per-design difference is exactly the code before the concrete body:
 * <ul>
 *   <li>RUNTIME_MASK: scx_kf_allowed's mask test ({@link ScxKfunc#allowedAtRuntime}, kflab's model
 *       of the 6.12 check; the kernel's adds two nesting tests on the same word) and the
 *       direct_dispatch_task read that picks direct vs buffered;</li>
 *   <li>LOAD_FILTER: the direct_dispatch_task read only (the member was checked at load, but a
 *       filter cannot pick an implementation);</li>
 *   <li>POLYMORPHIC and the floor: the concrete body, called directly.</li>
 * </ul>
 * The op wrapper's kf_mask writes (RUNTIME_MASK only) are {@link PerCpuKfState#enterOp}/{@code exitOp}.
 */
public final class DsqInsertPaths {
    private DsqInsertPaths() {}

    /** scx_bpf_dsq_insert_buffered: what POLYMORPHIC's rewritten call and the floor reach. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public static void buffered(DispatchBuffer b, long p, long dsqId, long slice, long enqFlags) {
        DispatchBuffer.insertBuffered(b, p, dsqId, slice, enqFlags);
    }

    /** 6.12's scx_bpf_dsq_insert: scx_kf_allowed(ENQUEUE | DISPATCH), then the marker picks the body. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public static void runtimeMask(PerCpuKfState s, int cpu, DispatchBuffer b, long p, long dsqId, long slice, long enqFlags) {
        if (!ScxKfunc.DSQ_INSERT.allowedAtRuntime(s.mask(cpu))) {
            s.error();
            return;
        }
        commit(s, cpu, b, p, dsqId, slice, enqFlags);
    }

    /** 7.1's scx_bpf_dsq_insert: no mask (checked at load); the marker still picks the body. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public static void loadFilter(PerCpuKfState s, int cpu, DispatchBuffer b, long p, long dsqId, long slice, long enqFlags) {
        commit(s, cpu, b, p, dsqId, slice, enqFlags);
    }

    /** scx_dsq_insert_commit: a direct dispatch when select_cpu/enqueue set the marker, else the buffer. */
    private static void commit(PerCpuKfState s, int cpu, DispatchBuffer b, long p, long dsqId, long slice, long enqFlags) {
        long ddsp = s.ddspTask(cpu);
        if (ddsp != 0) {
            if (ddsp != p) {
                s.error(); // kernel: "scheduling for %s but trying to direct-dispatch %s"
                return;
            }
            s.setDdspTask(cpu, 0);
            DispatchBuffer.insertDirect(b, p, dsqId);
            return;
        }
        DispatchBuffer.insertBuffered(b, p, dsqId, slice, enqFlags);
    }
}
