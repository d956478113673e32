package io.kflab.bpf.btf;

/** A BTF_KIND_ARRAY type (kernel: struct btf_type + struct btf_array). */
public record BtfArray(String name, int type, int indexType, int nelems) implements BtfType {
    @Override public BtfKind kind() { return BtfKind.ARRAY; }

    /** Number of elements as an unsigned value. */
    public long length() { return Integer.toUnsignedLong(nelems); }
}
