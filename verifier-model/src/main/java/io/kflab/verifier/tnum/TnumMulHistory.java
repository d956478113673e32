package io.kflab.verifier.tnum;

/** Earlier kernels' tnum multiplications, kept for the CGO'22 reproduction (kernel: tnum_mul before 6.18). */
public final class TnumMulHistory {
    private TnumMulHistory() {}

    /**
     * The CGO'22 algorithm (Vishwanathan et al.), in the kernel from 2021 (commit 05924717ac70)
     * to 6.17: the product of the values, plus the sum of partial products of the masks.
     */
    public static Tnum cgo22(Tnum a, Tnum b) {
        long accV = a.value() * b.value();
        Tnum accM = Tnum.constant(0);
        while (a.value() != 0 || a.mask() != 0) {
            if ((a.value() & 1) != 0) accM = Tnum.add(accM, new Tnum(0, b.mask()));
            else if ((a.mask() & 1) != 0) accM = Tnum.add(accM, new Tnum(0, b.value() | b.mask()));
            a = a.rshift(1);
            b = b.lshift(1);
        }
        return Tnum.add(Tnum.constant(accV), accM);
    }

    /** The kernel's multiplication before 2021: half-multiply-accumulate over each mask. */
    public static Tnum beforeCgo22(Tnum a, Tnum b) {
        long pi = a.value() * b.value();
        Tnum acc = hma(Tnum.constant(pi), a.mask(), b.mask() | b.value());
        return hma(acc, b.mask(), a.value());
    }

    private static Tnum hma(Tnum acc, long value, long mask) {
        while (mask != 0) {
            if ((mask & 1) != 0) acc = Tnum.add(acc, new Tnum(0, value));
            mask >>>= 1;
            value <<= 1;
        }
        return acc;
    }
}
