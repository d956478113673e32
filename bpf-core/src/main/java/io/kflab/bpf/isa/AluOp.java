package io.kflab.bpf.isa;

/**
 * A two-operand ALU operation (kernel: BPF_OP of BPF_ALU/BPF_ALU64, with the off field selecting
 * the signed division forms and the sign-extending moves).
 */
public enum AluOp {
    ADD(Opcodes.BPF_ADD, 0, "+="),
    SUB(Opcodes.BPF_SUB, 0, "-="),
    MUL(Opcodes.BPF_MUL, 0, "*="),
    DIV(Opcodes.BPF_DIV, 0, "/="),
    SDIV(Opcodes.BPF_DIV, 1, "s/="),
    OR(Opcodes.BPF_OR, 0, "|="),
    AND(Opcodes.BPF_AND, 0, "&="),
    LSH(Opcodes.BPF_LSH, 0, "<<="),
    RSH(Opcodes.BPF_RSH, 0, ">>="),
    MOD(Opcodes.BPF_MOD, 0, "%="),
    SMOD(Opcodes.BPF_MOD, 1, "s%="),
    XOR(Opcodes.BPF_XOR, 0, "^="),
    MOV(Opcodes.BPF_MOV, 0, "="),
    /** Sign-extending moves: only with a register source. */
    MOVSX8(Opcodes.BPF_MOV, 8, "="),
    MOVSX16(Opcodes.BPF_MOV, 16, "="),
    MOVSX32(Opcodes.BPF_MOV, 32, "="),
    ARSH(Opcodes.BPF_ARSH, 0, "s>>=");

    private final int code;
    private final int off;
    private final String symbol;

    AluOp(int code, int off, String symbol) {
        this.code = code;
        this.off = off;
        this.symbol = symbol;
    }

    /** The BPF_OP bits. */
    public int code() {
        return code;
    }

    /** The off field this operation is encoded with. */
    public int off() {
        return off;
    }

    /** The compound-assignment symbol of the assembly syntax ({@code +=}, {@code s>>=}, ...). */
    public String symbol() {
        return symbol;
    }

    public boolean isMovsx() {
        return this == MOVSX8 || this == MOVSX16 || this == MOVSX32;
    }

    /** Bits kept by a sign-extending move (8, 16, 32), 0 for other operations. */
    public int movsxBits() {
        return isMovsx() ? off : 0;
    }

    /** Finds the operation by opcode bits and off; null when that pair is not an operation. */
    public static AluOp of(int opBits, int off) {
        for (AluOp op : values()) if (op.code == opBits && op.off == off) return op;
        return null;
    }

    /** The operation written with {@code symbol} ({@code +=} → ADD, ...), not counting the moves. */
    public static AluOp ofSymbol(String symbol) {
        for (AluOp op : values()) if (op.symbol.equals(symbol) && op.code != Opcodes.BPF_MOV) return op;
        if (symbol.equals("=")) return MOV;
        return null;
    }
}
