package io.kflab.bench.dispatch;

import io.kflab.sim.scx.Design;
import java.util.Optional;

/**
 * The ways a call of scx_bpf_dsq_insert from ops.dispatch reaches its body (kfunc-designs (a)-(c)),
 * plus the floor: a direct call of the concrete body, as a program naming scx_bpf_dsq_insert_buffered
 * itself would make (distinct names, design (g)).
 */
public enum DispatchDesign {
    /** The floor: the concrete buffered insert called directly. */
    DIRECT_CALL("direct call"),
    /** 6.12: kf_mask written around the op, tested in the kfunc; the direct_dispatch_task marker picks the variant. */
    RUNTIME_MASK("RUNTIME_MASK"),
    /** 7.1: the member was checked at load; the kfunc still reads the direct_dispatch_task marker to pick the variant. */
    LOAD_FILTER("LOAD_FILTER"),
    /** Vernet's proposal: the verifier rewrote the call to the concrete variant; nothing is checked at run time. */
    POLYMORPHIC("POLYMORPHIC");

    public final String label;

    DispatchDesign(String label) {
        this.label = label;
    }

    /** The simulated kernel's design of the same name; empty for the floor. */
    public Optional<Design> simDesign() {
        return this == DIRECT_CALL ? Optional.empty() : Optional.of(Design.valueOf(name()));
    }
}
