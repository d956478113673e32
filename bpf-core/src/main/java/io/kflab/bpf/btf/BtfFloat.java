package io.kflab.bpf.btf;

/** A BTF_KIND_FLOAT type (kernel: struct btf_type, size in bytes). */
public record BtfFloat(String name, int size) implements BtfType {
    @Override public BtfKind kind() { return BtfKind.FLOAT; }
}
