package io.kflab.verifier.state;

/** An acquired reference (kernel: struct bpf_reference_state): its id and the instruction that acquired it. */
public record RefState(int id, int insn) {}
