package io.kflab.bpf.isa;

/**
 * One 8-byte instruction slot exactly as the kernel sees it (kernel: struct bpf_insn): opcode,
 * dst and src register nibbles, signed 16-bit offset, signed 32-bit immediate; little endian.
 */
public record RawInsn(int code, int dst, int src, short off, int imm) {
    /** Size of one slot in bytes. */
    public static final int SIZE = 8;

    public RawInsn {
        if ((code & ~0xff) != 0 || (dst & ~0xf) != 0 || (src & ~0xf) != 0) {
            throw new IllegalArgumentException("code is a byte and registers are nibbles");
        }
    }

    public static RawInsn read(byte[] b, int at) {
        int code = b[at] & 0xff;
        int regs = b[at + 1] & 0xff;
        short off = (short) ((b[at + 2] & 0xff) | (b[at + 3] << 8));
        int imm = (b[at + 4] & 0xff) | (b[at + 5] & 0xff) << 8 | (b[at + 6] & 0xff) << 16 | b[at + 7] << 24;
        return new RawInsn(code, regs & 0xf, regs >>> 4, off, imm);
    }

    public void write(byte[] b, int at) {
        b[at] = (byte) code;
        b[at + 1] = (byte) (dst | src << 4);
        b[at + 2] = (byte) off;
        b[at + 3] = (byte) (off >> 8);
        b[at + 4] = (byte) imm;
        b[at + 5] = (byte) (imm >> 8);
        b[at + 6] = (byte) (imm >> 16);
        b[at + 7] = (byte) (imm >> 24);
    }

    /** Slots in the wire form: 8 bytes each, little endian, in order. */
    public static byte[] toBytes(java.util.List<RawInsn> slots) {
        byte[] out = new byte[slots.size() * SIZE];
        for (int i = 0; i < slots.size(); i++) slots.get(i).write(out, i * SIZE);
        return out;
    }

    /** The slots of a wire form whose length is a multiple of 8. */
    public static java.util.List<RawInsn> fromBytes(byte[] b) {
        java.util.List<RawInsn> out = new java.util.ArrayList<>(b.length / SIZE);
        for (int at = 0; at + SIZE <= b.length; at += SIZE) out.add(read(b, at));
        return out;
    }

    /** The slot as one little-endian 64-bit word. */
    public long toLong() {
        return (code & 0xffL) | (long) (dst | src << 4) << 8 | (off & 0xffffL) << 16 | (long) imm << 32;
    }

    public static RawInsn ofLong(long w) {
        return new RawInsn((int) (w & 0xff), (int) (w >>> 8) & 0xf, (int) (w >>> 12) & 0xf,
                (short) (w >>> 16), (int) (w >>> 32));
    }

    @Override
    public String toString() {
        return String.format("RawInsn[code=%02x dst=%d src=%d off=%d imm=%d]", code, dst, src, off, imm);
    }
}
