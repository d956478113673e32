package io.kflab.bpf.btf;

/**
 * How one kind is laid out after its btf_type (kernel: struct btf_layout): a singular part of
 * {@code infoSize} bytes, then vlen elements of {@code elemSize} bytes each.
 */
public record BtfLayout(int infoSize, int elemSize, int flags) {
    /** Size in bytes of one layout entry in the layout section. */
    public static final int ENCODED_SIZE = 4;
}
