package io.kflab.bench;

import io.kflab.verifier.tnum.Tnum;

/**
 * The three tnum multiplications over primitive value/mask pairs with no object per step (as C
 * passes struct tnum in registers), to time the algorithms apart from the model's record
 * allocations. Results are packed as {value, mask} into a caller's array; TnumMulBench checks them
 * against the model's functions before timing.
 */
final class PrimitiveTnumMul {
    private PrimitiveTnumMul() {}

    /** Linux 6.18: per bit of a, add b (known 1) or join acc with acc + b (unknown). */
    static void mul618(long av, long am, long bv, long bm, long[] out) {
        long accV = 0;
        long accM = 0;
        while ((av | am) != 0) {
            if ((av & 1) != 0) {
                long mu = addMask(accV, accM, bv, bm);
                accV = (accV + bv) & ~mu;
                accM = mu;
            } else if ((am & 1) != 0) {
                long mu = addMask(accV, accM, bv, bm);
                long sumV = (accV + bv) & ~mu;
                long joinM = (accV ^ sumV) | accM | mu;
                accV = accV & sumV & ~joinM;
                accM = joinM;
            }
            av >>>= 1;
            am >>>= 1;
            bv <<= 1;
            bm <<= 1;
        }
        out[0] = accV;
        out[1] = accM;
    }

    /** CGO'22: product of the values plus the sum of the masks' partial products. */
    static void mulCgo22(long av, long am, long bv, long bm, long[] out) {
        long pv = av * bv;
        long accV = 0;
        long accM = 0;
        while ((av | am) != 0) {
            long addend = (av & 1) != 0 ? bm : (am & 1) != 0 ? bv | bm : 0;
            if (addend != 0) {
                long mu = addMask(accV, accM, 0, addend);
                accV = accV & ~mu;
                accM = mu;
            }
            av >>>= 1;
            am >>>= 1;
            bv <<= 1;
            bm <<= 1;
        }
        long mu = addMask(pv, 0, accV, accM);
        out[0] = (pv + accV) & ~mu;
        out[1] = mu;
    }

    /** Before 2021: the product of the values, then two half-multiply-accumulate passes: a's mask for each bit of b, b's mask for each known 1 of a. */
    static void mulBefore2021(long av, long am, long bv, long bm, long[] out) {
        long accV = av * bv;
        long accM = 0;
        for (long value = am, mask = bm | bv; mask != 0; mask >>>= 1, value <<= 1) {
            if ((mask & 1) != 0) {
                long mu = addMask(accV, accM, 0, value);
                accV = accV & ~mu;
                accM = mu;
            }
        }
        for (long value = bm, mask = av; mask != 0; mask >>>= 1, value <<= 1) {
            if ((mask & 1) != 0) {
                long mu = addMask(accV, accM, 0, value);
                accV = accV & ~mu;
                accM = mu;
            }
        }
        out[0] = accV;
        out[1] = accM;
    }

    /** The mask of the tnum sum (a + b); its value is (av + bv) &amp; ~mask. */
    private static long addMask(long av, long am, long bv, long bm) {
        long sv = av + bv;
        return ((am + bm + sv) ^ sv) | am | bm;
    }

    static Tnum check(long[] out) {
        return new Tnum(out[0], out[1]);
    }
}
