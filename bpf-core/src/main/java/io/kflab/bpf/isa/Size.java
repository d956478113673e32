package io.kflab.bpf.isa;

/** Memory access size (kernel: BPF_B, BPF_H, BPF_W, BPF_DW). */
public enum Size {
    B(1, Opcodes.BPF_B),
    H(2, Opcodes.BPF_H),
    W(4, Opcodes.BPF_W),
    DW(8, Opcodes.BPF_DW);

    private final int bytes;
    private final int code;

    Size(int bytes, int code) {
        this.bytes = bytes;
        this.code = code;
    }

    public int bytes() {
        return bytes;
    }

    /** The BPF_SIZE bits of the opcode. */
    public int code() {
        return code;
    }

    /** {@code u8}, {@code u16}, {@code u32}, {@code u64}. */
    public String unsignedName() {
        return "u" + bytes * 8;
    }

    /** {@code s8}, {@code s16}, {@code s32}, {@code s64}. */
    public String signedName() {
        return "s" + bytes * 8;
    }

    public static Size ofCode(int code) {
        for (Size s : values()) if (s.code == Opcodes.size(code)) return s;
        throw new AssertionError();
    }

    public static Size ofBytes(int bytes) {
        for (Size s : values()) if (s.bytes == bytes) return s;
        throw new IllegalArgumentException("no access size of " + bytes + " bytes");
    }
}
