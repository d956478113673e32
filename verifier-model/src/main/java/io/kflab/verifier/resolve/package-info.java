/**
 * kfunc resolution by calling context: the subsystems whose kfuncs depend on the struct_ops member
 * calling them (sched_ext, bpf_qdisc, designs written in the catalog DSL), the calling context of a
 * call site, and the verdicts of the eight designs ({@link io.kflab.verifier.resolve.design}).
 */
package io.kflab.verifier.resolve;
