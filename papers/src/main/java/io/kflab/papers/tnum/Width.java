package io.kflab.papers.tnum;

import io.kflab.verifier.tnum.Tnum;

/**
 * An n-bit machine for the exhaustive experiments: n-bit values and tnums are 64-bit ones whose bits
 * at n and above are known zero, and an n-bit result is the low n bits of the 64-bit one.
 */
public record Width(int bits) {
    public Width {
        if (bits < 1 || bits > 16) throw new IllegalArgumentException("width out of range 1..16: " + bits);
    }

    /** The mask of the low n bits. */
    public long lim() {
        return (1L << bits) - 1;
    }

    public long truncate(long x) {
        return x & lim();
    }

    /** The low n bits of each of value and mask (a sound n-bit view of a 64-bit tnum). */
    public Tnum truncate(Tnum t) {
        return new Tnum(t.value() & lim(), t.mask() & lim());
    }

    /** x read as a signed n-bit number: bit n-1 copied into bits n..63. */
    public long signExtend(long x) {
        int s = 64 - bits;
        return (x << s) >> s;
    }

    /** The tnum whose members are the sign-extended members of t (bit n-1 known or unknown alike). */
    public Tnum signExtend(Tnum t) {
        return new Tnum(signExtend(t.value()), signExtend(t.mask()));
    }

    /** How many n-bit tnums there are: 3^n. */
    public int count() {
        int c = 1;
        for (int i = 0; i < bits; i++) c *= 3;
        return c;
    }

    /**
     * Every n-bit tnum, value-major then mask ascending (the enumeration order of the CGO'22 artifact;
     * the counts do not depend on it).
     */
    public Tnum[] tnums() {
        Tnum[] all = new Tnum[count()];
        int i = 0;
        for (long v = 0; v <= lim(); v++) {
            for (long m = 0; m <= lim(); m++) {
                if ((v & m) == 0) all[i++] = new Tnum(v, m);
            }
        }
        return all;
    }

    /** The members of t (t must be n-bit), in no particular order. */
    public static long[] members(Tnum t) {
        long[] out = new long[1 << Long.bitCount(t.mask())];
        int i = 0;
        for (long sub = t.mask(); ; sub = (sub - 1) & t.mask()) {
            out[i++] = t.value() | sub;
            if (sub == 0) break;
        }
        return out;
    }

    @Override
    public String toString() {
        return bits + "-bit";
    }
}
