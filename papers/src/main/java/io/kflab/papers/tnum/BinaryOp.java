package io.kflab.papers.tnum;

import io.kflab.verifier.tnum.Tnum;
import io.kflab.verifier.tnum.TnumMulHistory;

/** A binary ALU operation: the model's tnum transfer function beside the concrete 64-bit operation. */
public enum BinaryOp {
    ADD("add"),
    SUB("sub"),
    AND("and"),
    OR("or"),
    XOR("xor"),
    MUL("mul (6.18)"),
    MUL_CGO22("mul (CGO'22, 2021-6.17)"),
    MUL_BEFORE_CGO22("mul (before 2021)");

    private final String label;

    BinaryOp(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The transfer function, 64 bits wide. */
    public Tnum abstractOp(Tnum a, Tnum b) {
        return switch (this) {
            case ADD -> Tnum.add(a, b);
            case SUB -> Tnum.sub(a, b);
            case AND -> Tnum.and(a, b);
            case OR -> Tnum.or(a, b);
            case XOR -> Tnum.xor(a, b);
            case MUL -> Tnum.mul(a, b);
            case MUL_CGO22 -> TnumMulHistory.cgo22(a, b);
            case MUL_BEFORE_CGO22 -> TnumMulHistory.beforeCgo22(a, b);
        };
    }

    /** The concrete operation, 64 bits wide (wrapping). */
    public long concrete(long x, long y) {
        return switch (this) {
            case ADD -> x + y;
            case SUB -> x - y;
            case AND -> x & y;
            case OR -> x | y;
            case XOR -> x ^ y;
            case MUL, MUL_CGO22, MUL_BEFORE_CGO22 -> x * y;
        };
    }

    /** The n-bit transfer function: the low n bits of the 64-bit one on n-bit operands. */
    public Tnum abstractAt(Width w, Tnum a, Tnum b) {
        return w.truncate(abstractOp(a, b));
    }

    /** The n-bit concrete operation: the low n bits of the 64-bit one (n-bit arithmetic wraps). */
    public long concreteAt(Width w, long x, long y) {
        return w.truncate(concrete(x, y));
    }
}
