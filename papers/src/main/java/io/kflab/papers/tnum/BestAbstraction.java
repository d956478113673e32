package io.kflab.papers.tnum;

import io.kflab.verifier.tnum.Tnum;

/** The best tnum abstraction of a set of values: the smallest tnum holding all of them. */
public final class BestAbstraction {
    private BestAbstraction() {}

    /** The smallest tnum holding x * y (64-bit) for every member x of a and y of b. */
    public static Tnum ofProducts(Tnum a, Tnum b) {
        long ones = -1L;
        long any = 0;
        long am = a.mask();
        long bm = b.mask();
        for (long sx = am; ; sx = (sx - 1) & am) {
            long x = a.value() | sx;
            for (long sy = bm; ; sy = (sy - 1) & bm) {
                long p = x * (b.value() | sy);
                ones &= p;
                any |= p;
                if (sy == 0) break;
            }
            if (sx == 0) break;
        }
        return new Tnum(ones, ones ^ any);
    }
}
