package io.kflab.bpf.isa;

/** A conditional jump's comparison (kernel: BPF_JEQ ... BPF_JSLE). */
public enum JmpOp {
    JEQ(Opcodes.BPF_JEQ, "=="),
    JGT(Opcodes.BPF_JGT, ">"),
    JGE(Opcodes.BPF_JGE, ">="),
    JSET(Opcodes.BPF_JSET, "&"),
    JNE(Opcodes.BPF_JNE, "!="),
    JSGT(Opcodes.BPF_JSGT, "s>"),
    JSGE(Opcodes.BPF_JSGE, "s>="),
    JLT(Opcodes.BPF_JLT, "<"),
    JLE(Opcodes.BPF_JLE, "<="),
    JSLT(Opcodes.BPF_JSLT, "s<"),
    JSLE(Opcodes.BPF_JSLE, "s<=");

    private final int code;
    private final String symbol;

    JmpOp(int code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    public int code() {
        return code;
    }

    public String symbol() {
        return symbol;
    }

    public static JmpOp of(int opBits) {
        for (JmpOp op : values()) if (op.code == opBits) return op;
        return null;
    }

    public static JmpOp ofSymbol(String symbol) {
        for (JmpOp op : values()) if (op.symbol.equals(symbol)) return op;
        return null;
    }
}
