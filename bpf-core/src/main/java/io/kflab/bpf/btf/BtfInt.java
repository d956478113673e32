package io.kflab.bpf.btf;

/** A BTF_KIND_INT type (kernel: struct btf_type + the u32 with encoding, offset and bits). */
public record BtfInt(String name, int size, int encoding, int offset, int bits) implements BtfType {
    /** Encoding bit: signed (kernel: BTF_INT_SIGNED). */
    public static final int SIGNED = 1;
    /** Encoding bit: char (kernel: BTF_INT_CHAR). */
    public static final int CHAR = 2;
    /** Encoding bit: bool (kernel: BTF_INT_BOOL). */
    public static final int BOOL = 4;

    @Override public BtfKind kind() { return BtfKind.INT; }

    public boolean isSigned() { return (encoding & SIGNED) != 0; }
    public boolean isChar() { return (encoding & CHAR) != 0; }
    public boolean isBool() { return (encoding & BOOL) != 0; }
}
