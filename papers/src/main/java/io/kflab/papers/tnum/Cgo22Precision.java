package io.kflab.papers.tnum;

import io.kflab.verifier.tnum.Tnum;
import io.kflab.verifier.tnum.TnumMulHistory;

/**
 * The CGO'22 multiplication ("our_mul") against the kernel's before 2021 ("kern_mul"), over all
 * ordered pairs (a, b) of n-bit tnums, both products truncated to n bits, counted three ways:
 * <ul>
 *   <li>paper (arXiv 2105.05398, Table of precision with increasing width): kern_mul(a, b) against
 *       our_mul(b, a) (the artifact's our_mul took its operands swapped until Nov 2021, and the
 *       algorithm is not commutative); a pair "differs" when the values differ AND the masks differ;
 *       our_mul is better when its result has fewer unknown bits, otherwise kern_mul is counted
 *       better (a tie included);
 *   <li>artifact Dec 2021 (precision-increasing-bitwidth/5though10.txt): our_mul(a, b), the same
 *       "differs" test, better only among comparable results (one contains the other), by unknown
 *       bits as above; incomparable results counted apart;
 *   <li>strict (kflab's): differs when the results are not equal; better when strictly contained.
 * </ul>
 */
public final class Cgo22Precision {
    private Cgo22Precision() {}

    /** Pairs whose results differ, and how many of them each side wins. */
    public record Counts(long pairs, long differing, long oursBetter, long oldBetter, long incomparable) {
        public double oursBetterPercent() {
            return differing == 0 ? 0 : 100.0 * oursBetter / differing;
        }
    }

    /** The three countings at one width. */
    public record Result(int bits, Counts paper, Counts artifact2021, Counts strict) {}

    public static Result compare(Width w) {
        Tnum[] all = w.tnums();
        long[] c = Rows.sum(all.length, 11, i -> {
            long[] row = new long[11];
            Tnum a = all[i];
            for (Tnum b : all) {
                Tnum old = w.truncate(TnumMulHistory.beforeCgo22(a, b));
                Tnum swapped = w.truncate(TnumMulHistory.cgo22(b, a));
                Tnum ours = w.truncate(TnumMulHistory.cgo22(a, b));
                if (bothDiffer(old, swapped)) {
                    row[0]++;
                    row[unknownBits(old) > unknownBits(swapped) ? 1 : 2]++;
                }
                if (bothDiffer(old, ours)) {
                    row[3]++;
                    if (old.containsAll(ours) || ours.containsAll(old)) row[unknownBits(old) > unknownBits(ours) ? 4 : 5]++;
                    else row[6]++;
                }
                if (!old.equals(ours)) {
                    row[7]++;
                    if (old.containsAll(ours)) row[8]++;
                    else if (ours.containsAll(old)) row[9]++;
                    else row[10]++;
                }
            }
            return row;
        });
        long pairs = (long) all.length * all.length;
        return new Result(w.bits(),
                new Counts(pairs, c[0], c[1], c[2], 0),
                new Counts(pairs, c[3], c[4], c[5], c[6]),
                new Counts(pairs, c[7], c[8], c[9], c[10]));
    }

    private static boolean bothDiffer(Tnum x, Tnum y) {
        return x.value() != y.value() && x.mask() != y.mask();
    }

    private static int unknownBits(Tnum t) {
        return Long.bitCount(t.mask());
    }
}
