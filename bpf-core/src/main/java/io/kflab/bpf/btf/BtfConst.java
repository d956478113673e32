package io.kflab.bpf.btf;

/** A BTF_KIND_CONST qualifier (kernel: struct btf_type, type = qualified type). */
public record BtfConst(String name, int type) implements BtfType.Referring {
    @Override public BtfKind kind() { return BtfKind.CONST; }
}
