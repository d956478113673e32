package io.kflab.verifier.tnum;

/** Earlier kernels' tnum multiplications, kept for the CGO'22 reproduction (kernel: tnum_mul before 6.18). */
public final class TnumMulHistory {
    private TnumMulHistory() {}

    /**
     * The CGO'22 algorithm (Vishwanathan et al.), in the kernel from 2021 (commit 05924717ac70)
     * to 6.17: the product of the values, plus the sum of partial products of the masks.
     */
    public static Tnum cgo22(Tnum a, Tnum b) {
        long av = a.value(), am = a.mask(), bv = b.value(), bm = b.mask();
        long accV = av * bv;
        long mV = 0, mM = 0; // the mask accumulator, a tnum kept in two longs
        while (av != 0 || am != 0) {
            long add = (av & 1) != 0 ? bm : (am & 1) != 0 ? bv | bm : 0;
            if (add != 0) {
                long sm = mM + add, sv = mV;
                long mu = ((sm + sv) ^ sv) | mM | add;
                mV = sv & ~mu;
                mM = mu;
            }
            av >>>= 1;
            am >>>= 1;
            bv <<= 1;
            bm <<= 1;
        }
        long sm = mM, sv = accV + mV;
        long mu = ((sm + sv) ^ sv) | mM;
        return new Tnum(sv & ~mu, mu);
    }

    /** The kernel's multiplication before 2021: half-multiply-accumulate over each mask. */
    public static Tnum beforeCgo22(Tnum a, Tnum b) {
        long[] acc = {a.value() * b.value(), 0};
        hma(acc, a.mask(), b.mask() | b.value());
        hma(acc, b.mask(), a.value());
        return new Tnum(acc[0], acc[1]);
    }

    /** acc += unknown * mask * value, the tnum acc kept as {value, mask}. */
    private static void hma(long[] acc, long value, long mask) {
        long v = acc[0], m = acc[1];
        while (mask != 0) {
            if ((mask & 1) != 0) {
                long sm = m + value, sv = v;
                long mu = ((sm + sv) ^ sv) | m | value;
                v = sv & ~mu;
                m = mu;
            }
            mask >>>= 1;
            value <<= 1;
        }
        acc[0] = v;
        acc[1] = m;
    }
}
