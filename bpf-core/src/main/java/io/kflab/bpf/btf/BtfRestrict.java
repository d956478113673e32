package io.kflab.bpf.btf;

/** A BTF_KIND_RESTRICT qualifier (kernel: struct btf_type, type = qualified type). */
public record BtfRestrict(String name, int type) implements BtfType.Referring {
    @Override public BtfKind kind() { return BtfKind.RESTRICT; }
}
