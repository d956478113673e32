package io.kflab.catalog.probe;

import io.kflab.bpf.isa.AluOp;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Operand;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.isa.Width;

/**
 * The minimal kfunc caller {@code call kfunc; r0 = 0; exit} (kernel: a BPF_PSEUDO_KFUNC_CALL
 * instruction whose imm is the kfunc's vmlinux BTF id), encoded once and patched per kfunc.
 */
final class CallerProgram {
    private static final byte[] TEMPLATE = Program.of(
            Insn.Call.kfunc(0),
            new Insn.Alu(Width.W64, AluOp.MOV, 0, Operand.imm(0)),
            new Insn.Exit()).encode();
    private static final byte[] BASELINE = Program.of(
            new Insn.Alu(Width.W64, AluOp.MOV, 0, Operand.imm(0)),
            new Insn.Exit()).encode();
    /** Byte offset of the call instruction's imm field. */
    private static final int CALL_IMM = 4;

    private CallerProgram() {}

    /** {@code call kfunc#btfId; r0 = 0; exit}. */
    static byte[] calling(int btfId) {
        byte[] insns = TEMPLATE.clone();
        insns[CALL_IMM] = (byte) btfId;
        insns[CALL_IMM + 1] = (byte) (btfId >>> 8);
        insns[CALL_IMM + 2] = (byte) (btfId >>> 16);
        insns[CALL_IMM + 3] = (byte) (btfId >>> 24);
        return insns;
    }

    /** {@code r0 = 0; exit}: loads wherever the context itself can be set up. */
    static byte[] baseline() {
        return BASELINE.clone();
    }
}
