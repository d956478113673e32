package io.kflab.sim.runtime.helpers;

/** A helper or kfunc implementation (kernel: a BPF_CALL_5 function): five register arguments in, r0 out. */
@FunctionalInterface
public interface Helper {
    long call(CallContext c, long r1, long r2, long r3, long r4, long r5);
}
