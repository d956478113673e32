package io.kflab.bpf.btf;

import java.nio.ByteOrder;

/**
 * The header of a BTF blob (kernel: struct btf_header). Offsets are relative to the end of the
 * header. {@code layoutOff}/{@code layoutLen} are 0 in the original 24-byte header; the longer
 * header (32 bytes) adds the layout section that describes each kind's size.
 */
public record BtfHeader(ByteOrder byteOrder, int version, int flags, int hdrLen, int typeOff,
        int typeLen, int strOff, int strLen, int layoutOff, int layoutLen) {
    /** The magic number (kernel: BTF_MAGIC). */
    public static final int MAGIC = 0xeb9f;
    /** The only version (kernel: BTF_VERSION). */
    public static final int VERSION = 1;
    /** Length of the original header, without the layout section fields. */
    public static final int BASE_LENGTH = 24;
    /** Length of the header with the layout section fields. */
    public static final int LAYOUT_LENGTH = 32;

    /** Whether the blob has a layout section. */
    public boolean hasLayout() { return layoutLen != 0; }
}
