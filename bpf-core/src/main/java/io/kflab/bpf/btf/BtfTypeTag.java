package io.kflab.bpf.btf;

/**
 * A BTF_KIND_TYPE_TAG type (kernel: struct btf_type; kind_flag set means the tag is an
 * attribute, {@code __attribute__((name))}, rather than {@code btf_type_tag("name")}).
 */
public record BtfTypeTag(String name, int type, boolean attribute) implements BtfType.Referring {
    @Override public BtfKind kind() { return BtfKind.TYPE_TAG; }
}
