package io.kflab.bpf.btf;

/** A BTF_KIND_TYPEDEF type (kernel: struct btf_type, type = aliased type). */
public record BtfTypedef(String name, int type) implements BtfType.Referring {
    @Override public BtfKind kind() { return BtfKind.TYPEDEF; }
}
