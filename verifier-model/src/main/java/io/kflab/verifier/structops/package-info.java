/**
 * struct_ops in the kernel's vocabulary: the types read from BTF ({@link io.kflab.verifier.structops.StructOpsType}),
 * the subsystem descriptors ({@link io.kflab.verifier.structops.StructOpsSubsystem}, kernel: struct bpf_struct_ops)
 * with tcp_congestion_ops and bpf_dummy_ops written from the kernel, the program-load checks that run before the
 * verifier's walk ({@link io.kflab.verifier.structops.StructOpsLoadCheck}, kernel: check_struct_ops_btf_id), and in
 * {@code model} the map and link lifecycle; {@code diff} runs registration scenarios on the model and the kernel.
 */
package io.kflab.verifier.structops;
