package io.kflab.bpf.btf;

/** A variable placed in a data section (kernel: struct btf_var_secinfo). */
public record BtfVarSecinfo(int type, int offset, int size) {}
