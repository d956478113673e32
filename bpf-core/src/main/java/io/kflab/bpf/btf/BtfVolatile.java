package io.kflab.bpf.btf;

/** A BTF_KIND_VOLATILE qualifier (kernel: struct btf_type, type = qualified type). */
public record BtfVolatile(String name, int type) implements BtfType.Referring {
    @Override public BtfKind kind() { return BtfKind.VOLATILE; }
}
