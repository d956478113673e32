package io.kflab.bpf.btf;

/** A BTF_KIND_VAR type (kernel: struct btf_type + struct btf_var). */
public record BtfVar(String name, int type, BtfVarLinkage linkage) implements BtfType {
    @Override public BtfKind kind() { return BtfKind.VAR; }
}
