package io.kflab.sim.scx;

/**
 * The per-CPU bookkeeping a design's sched_ext kernel does while the scheduler runs (kernel 6.12:
 * the kf_mask writes of SCX_CALL_OP around each op, the scx_kf_allowed test in each guarded kfunc,
 * and the direct_dispatch_task marker set around select_cpu/enqueue and read by scx_bpf_dsq_insert).
 * Counted as the simulation executes; a design that resolves at load counts none of the first two.
 *
 * @param opCalls ops called
 * @param maskWrites kf_mask writes (set before and restore after each op; RUNTIME_MASK only)
 * @param maskTests run-time mask tests in guarded kfuncs (RUNTIME_MASK only)
 * @param markerAccesses direct_dispatch_task writes and reads (RUNTIME_MASK and LOAD_FILTER; POLYMORPHIC resolved the variant at load)
 */
public record RuntimeWork(long opCalls, long maskWrites, long maskTests, long markerAccesses) {
    /** All per-CPU accesses the design adds to the ops. */
    public long total() {
        return maskWrites + maskTests + markerAccesses;
    }

    /** {@link #total} per op call (0 when no op ran). */
    public double perOp() {
        return opCalls == 0 ? 0 : (double) total() / opCalls;
    }
}
