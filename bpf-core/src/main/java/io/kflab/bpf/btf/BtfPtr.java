package io.kflab.bpf.btf;

/** A BTF_KIND_PTR type (kernel: struct btf_type, type = pointee). */
public record BtfPtr(String name, int type) implements BtfType.Referring {
    @Override public BtfKind kind() { return BtfKind.PTR; }
}
