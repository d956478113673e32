package io.kflab.papers.tnum;

import io.kflab.verifier.tnum.Tnum;

/**
 * A shift by a known amount k (the verifier applies tnum shifts only to constant amounts), at width
 * n with 0 &lt;= k &lt; n. lsh and rsh are the low n bits of the 64-bit shifts of n-bit operands. arsh
 * at width n reads its operand as a signed n-bit number: both the concrete value and the tnum are
 * sign-extended from bit n-1 to 64 bits (an unknown bit n-1 extends as unknown bits), shifted with the
 * 64-bit arithmetic shift, and truncated to n bits; at n = 32 this is what the kernel's
 * tnum_arshift(a, k, 32) does.
 */
public enum ShiftOp {
    LSH("lsh"),
    RSH("rsh"),
    ARSH("arsh");

    private final String label;

    ShiftOp(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Tnum abstractAt(Width w, Tnum a, int k) {
        return switch (this) {
            case LSH -> w.truncate(a.lshift(k));
            case RSH -> w.truncate(a.rshift(k));
            case ARSH -> w.truncate(w.signExtend(a).arshift(k, 64));
        };
    }

    public long concreteAt(Width w, long x, int k) {
        return switch (this) {
            case LSH -> w.truncate(x << k);
            case RSH -> w.truncate(x >>> k);
            case ARSH -> w.truncate(w.signExtend(x) >> k);
        };
    }
}
