/** Verifier state (kernel: struct bpf_reg_state, bpf_stack_state, bpf_func_state). */
package io.kflab.verifier.state;
