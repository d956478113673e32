package io.kflab.verifier.tnum;

/**
 * A tristate number (kernel: struct tnum in kernel/bpf/tnum.c): each bit is known 0, known 1
 * (value bit set) or unknown (mask bit set); value and mask never share a bit. The operations are
 * the kernel's transfer functions, 64 bits wide, as of Linux 6.18.
 */
public record Tnum(long value, long mask) {
    /** Every 64-bit value (kernel: tnum_unknown). */
    public static final Tnum UNKNOWN = new Tnum(0, -1L);

    public Tnum {
        if ((value & mask) != 0) throw new IllegalArgumentException("value and mask share bits: value 0x" + Long.toHexString(value) + ", mask 0x" + Long.toHexString(mask));
    }

    /** A known constant (kernel: tnum_const). */
    public static Tnum constant(long v) {
        return new Tnum(v, 0);
    }

    /** The values from min to max, unsigned (kernel: tnum_range). */
    public static Tnum range(long min, long max) {
        long chi = min ^ max;
        int bits = 64 - Long.numberOfLeadingZeros(chi);
        if (bits > 63) return UNKNOWN;
        long delta = (1L << bits) - 1;
        return new Tnum(min & ~delta, delta);
    }

    public boolean isConst() {
        return mask == 0;
    }

    /** Whether {@code x} is one of the values this tnum stands for. */
    public boolean contains(long x) {
        return (x & ~mask) == value;
    }

    /** Whether every value of {@code b} is a value of this tnum (kernel: tnum_in(a, b)). */
    public boolean containsAll(Tnum b) {
        if ((b.mask & ~mask) != 0) return false;
        return value == (b.value & ~mask);
    }

    public Tnum lshift(int shift) {
        return new Tnum(value << shift, mask << shift);
    }

    public Tnum rshift(int shift) {
        return new Tnum(value >>> shift, mask >>> shift);
    }

    /** Arithmetic shift right of a 64-bit or 32-bit operand (kernel: tnum_arshift). */
    public Tnum arshift(int shift, int bitness) {
        if (bitness == 32) {
            return new Tnum(Integer.toUnsignedLong((int) value >> shift), Integer.toUnsignedLong((int) mask >> shift));
        }
        return new Tnum(value >> shift, mask >> shift);
    }

    public static Tnum add(Tnum a, Tnum b) {
        long sm = a.mask + b.mask;
        long sv = a.value + b.value;
        long sigma = sm + sv;
        long chi = sigma ^ sv;
        long mu = chi | a.mask | b.mask;
        return new Tnum(sv & ~mu, mu);
    }

    public static Tnum sub(Tnum a, Tnum b) {
        long dv = a.value - b.value;
        long alpha = dv + a.mask;
        long beta = dv - b.mask;
        long chi = alpha ^ beta;
        long mu = chi | a.mask | b.mask;
        return new Tnum(dv & ~mu, mu);
    }

    public static Tnum neg(Tnum a) {
        return sub(constant(0), a);
    }

    public static Tnum and(Tnum a, Tnum b) {
        long alpha = a.value | a.mask;
        long beta = b.value | b.mask;
        long v = a.value & b.value;
        return new Tnum(v, alpha & beta & ~v);
    }

    public static Tnum or(Tnum a, Tnum b) {
        long v = a.value | b.value;
        long mu = a.mask | b.mask;
        return new Tnum(v, mu & ~v);
    }

    public static Tnum xor(Tnum a, Tnum b) {
        long v = a.value ^ b.value;
        long mu = a.mask | b.mask;
        return new Tnum(v & ~mu, mu);
    }

    /**
     * Multiplication as Linux 6.18 does it (commit 1df7dad4d5c4, 2025): long multiplication over
     * the bits of a; where a bit is unknown, the union of the sums with and without b.
     */
    public static Tnum mul(Tnum a, Tnum b) {
        // Kept in longs, as the kernel keeps tnums in registers: no object per step.
        long av = a.value, am = a.mask, bv = b.value, bm = b.mask;
        long accV = 0, accM = 0;
        while (av != 0 || am != 0) {
            if ((av & 1) != 0 || (am & 1) != 0) {
                long sm = accM + bm, sv = accV + bv;
                long mu = ((sm + sv) ^ sv) | accM | bm;
                long sumV = sv & ~mu;
                if ((av & 1) != 0) {
                    accV = sumV;
                    accM = mu;
                } else {
                    long uMu = (accV ^ sumV) | accM | mu;
                    accV = accV & sumV & ~uMu;
                    accM = uMu;
                }
            }
            av >>>= 1;
            am >>>= 1;
            bv <<= 1;
            bm <<= 1;
        }
        return new Tnum(accV, accM);
    }

    /** Values known in either (kernel: tnum_intersect). */
    public static Tnum intersect(Tnum a, Tnum b) {
        long v = a.value | b.value;
        long mu = a.mask & b.mask;
        return new Tnum(v & ~mu, mu);
    }

    /** The smallest tnum holding the values of both (kernel: tnum_union). */
    public static Tnum union(Tnum a, Tnum b) {
        long v = a.value & b.value;
        long mu = (a.value ^ b.value) | a.mask | b.mask;
        return new Tnum(v & ~mu, mu);
    }

    /** The low {@code size} bytes (kernel: tnum_cast). */
    public Tnum cast(int size) {
        long keep = size >= 8 ? -1L : (1L << (size * 8)) - 1;
        return new Tnum(value & keep, mask & keep);
    }

    /** The low 32 bits (kernel: tnum_subreg). */
    public Tnum subreg() {
        return cast(4);
    }

    /** This tnum with its low 32 bits cleared (kernel: tnum_clear_subreg). */
    public Tnum clearSubreg() {
        return rshift(32).lshift(32);
    }

    /** The high 32 bits of this, the low 32 of {@code subreg} (kernel: tnum_with_subreg). */
    public Tnum withSubreg(Tnum subreg) {
        return or(clearSubreg(), subreg.subreg());
    }

    /** As the verifier log prints it: {@code (0x5; 0x12)}. */
    @Override
    public String toString() {
        return "(0x" + Long.toHexString(value) + "; 0x" + Long.toHexString(mask) + ")";
    }
}
