package io.kflab.bench;

import io.kflab.bpf.isa.*;
import java.util.ArrayList;
import java.util.List;

/** Deterministic programs for benchmarks: a mix of every instruction kind, like compiled code. */
public final class BenchPrograms {
    private BenchPrograms() {}

    public static final int SIZE = 1000;

    /** {@link #SIZE} instructions cycling through ALU, memory, atomics, jumps and calls. */
    public static Program mixed() {
        List<Insn> out = new ArrayList<>(SIZE);
        for (int i = 0; out.size() < SIZE; i++) {
            int r = 1 + i % 9;
            short off = (short) (-8 * (1 + i % 60));
            Insn insn = switch (i % 12) {
                case 0 -> new Insn.Alu(Width.W64, AluOp.MOV, r, Operand.imm(i));
                case 1 -> new Insn.Alu(Width.W32, AluOp.ADD, r, Operand.reg(1 + (i + 1) % 9));
                case 2 -> new Insn.Store(Size.DW, 10, off, Operand.reg(r));
                case 3 -> new Insn.Load(Size.W, false, r, 10, off);
                case 4 -> new Insn.Jump(Width.W64, JmpOp.JGT, r, Operand.imm(100), (short) 1);
                case 5 -> new Insn.Alu(Width.W64, AluOp.LSH, r, Operand.imm(3));
                case 6 -> Insn.Call.helper(5);
                case 7 -> new Insn.Atomic(Size.DW, AtomicOp.FETCH_ADD, 10, r, off);
                case 8 -> Insn.LoadImm64.of(r, 0x1234_5678_9abcL * i);
                case 9 -> new Insn.Endian(Insn.Endian.Kind.BE, 16, r);
                case 10 -> new Insn.Jump(Width.W32, JmpOp.JNE, r, Operand.reg(0), (short) 2);
                default -> new Insn.Alu(Width.W64, AluOp.ARSH, r, Operand.imm(1));
            };
            out.add(insn);
        }
        out.set(SIZE - 1, new Insn.Exit());
        return new Program(out);
    }
}
