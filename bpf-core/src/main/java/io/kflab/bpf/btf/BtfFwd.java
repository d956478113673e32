package io.kflab.bpf.btf;

/** A BTF_KIND_FWD forward declaration (kernel: struct btf_type; kind_flag set = union). */
public record BtfFwd(String name, boolean union) implements BtfType {
    @Override public BtfKind kind() { return BtfKind.FWD; }
}
