package io.kflab.bpf.sys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Test-only encoder for the few BPF instructions the tests need (kernel: struct bpf_insn wire format). */
final class TestInsns {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static TestInsns of() {
        return new TestInsns();
    }

    TestInsns raw(int code, int dst, int src, int off, int imm) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) code).put((byte) ((src << 4) | (dst & 0xf))).putShort((short) off).putInt(imm);
        out.writeBytes(b.array());
        return this;
    }

    /** dst = imm (BPF_ALU64 | BPF_MOV | BPF_K). */
    TestInsns movImm(int dst, int imm) {
        return raw(0xb7, dst, 0, 0, imm);
    }

    /** dst = src (BPF_ALU64 | BPF_MOV | BPF_X). */
    TestInsns movReg(int dst, int src) {
        return raw(0xbf, dst, src, 0, 0);
    }

    /** dst += imm (BPF_ALU64 | BPF_ADD | BPF_K). */
    TestInsns addImm(int dst, int imm) {
        return raw(0x07, dst, 0, 0, imm);
    }

    /** dst = *(u32 *)(src + off) (BPF_LDX | BPF_MEM | BPF_W). */
    TestInsns ldxW(int dst, int src, int off) {
        return raw(0x61, dst, src, off, 0);
    }

    /** *(u8 *)(dst + off) = imm (BPF_ST | BPF_MEM | BPF_B). */
    TestInsns stB(int dst, int off, int imm) {
        return raw(0x72, dst, 0, off, imm);
    }

    /** if dst > src goto +off (BPF_JMP | BPF_JGT | BPF_X). */
    TestInsns jgtReg(int dst, int src, int off) {
        return raw(0x2d, dst, src, off, 0);
    }

    /** exit (BPF_JMP | BPF_EXIT). */
    TestInsns exit() {
        return raw(0x95, 0, 0, 0, 0);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] returns(int value) {
        return of().movImm(0, value).exit().bytes();
    }
}
