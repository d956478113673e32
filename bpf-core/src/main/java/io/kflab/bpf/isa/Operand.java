package io.kflab.bpf.isa;

/** The source operand of ALU, jump and store instructions: a register (BPF_X) or an immediate (BPF_K). */
public sealed interface Operand {
    /** A source register r0–r10. */
    record Reg(int reg) implements Operand {
        public Reg {
            Regs.check(reg);
        }
    }

    /** A signed 32-bit immediate. */
    record Imm(int value) implements Operand {}

    static Operand reg(int reg) {
        return new Reg(reg);
    }

    static Operand imm(int value) {
        return new Imm(value);
    }
}
