package io.kflab.sim.scx;

/**
 * How the simulated sched_ext decides which context-sensitive kfunc calls are legal and which
 * implementation of scx_bpf_dsq_insert runs (docs/designs.md has the full design space).
 */
public enum Design {
    /** 6.12–7.0: a kf_mask set around every op and tested in every guarded kfunc; violations eject at run time. */
    RUNTIME_MASK,
    /** 7.1: a per-member filter rejects the program at load; no run-time mask. */
    LOAD_FILTER,
    /** Vernet's proposal: the verifier resolves dsq_insert to its direct or buffered variant per member; no mask, no per-CPU marker. */
    POLYMORPHIC
}
