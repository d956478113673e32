package io.kflab.bpf.btf;

/**
 * A BTF_KIND_DECL_TAG type (kernel: struct btf_type + struct btf_decl_tag). {@code componentIdx}
 * is -1 when the tag applies to the type itself, otherwise the member or parameter index;
 * {@code attribute} is the kind_flag (tag is an {@code __attribute__}).
 */
public record BtfDeclTag(String name, int type, int componentIdx, boolean attribute)
        implements BtfType {
    @Override public BtfKind kind() { return BtfKind.DECL_TAG; }
}
