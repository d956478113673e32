package io.kflab.bpf.btf;

/** A BTF_KIND_FUNC type (kernel: struct btf_type, type = its FUNC_PROTO, vlen = linkage). */
public record BtfFunc(String name, int type, BtfFuncLinkage linkage) implements BtfType {
    @Override public BtfKind kind() { return BtfKind.FUNC; }
}
