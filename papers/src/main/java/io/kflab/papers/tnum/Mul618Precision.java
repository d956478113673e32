package io.kflab.papers.tnum;

import io.kflab.verifier.tnum.Tnum;
import io.kflab.verifier.tnum.TnumMulHistory;

/**
 * Linux 6.18's tnum_mul against the CGO'22 one, over all ordered pairs of n-bit tnums, counted the
 * way the 6.18 commit's figures are: both products 64 bits wide (not truncated to n bits); equal
 * results are "same"; if one result contains the other the contained one is better; incomparable
 * results are ranked by unknown-bit count (fewer is better, a tie is "same"). A result is optimal when
 * it equals the best tnum abstraction of the set of 64-bit products of members.
 */
public final class Mul618Precision {
    private Mul618Precision() {}

    /**
     * The counts for one width; {@code better}/{@code worse} are 6.18's view. Optimal counts are -1
     * when not computed.
     */
    public record Result(
            int bits,
            long pairs,
            long equal,
            long betterBySubset,
            long worseBySubset,
            long incomparable,
            long incomparableBetter,
            long incomparableWorse,
            long incomparableTie,
            long optimal618,
            long optimalCgo22) {
        public long better() {
            return betterBySubset + incomparableBetter;
        }

        public long worse() {
            return worseBySubset + incomparableWorse;
        }

        public long same() {
            return equal + incomparableTie;
        }

        public boolean optimalComputed() {
            return optimal618 >= 0;
        }
    }

    public static Result compare(Width w, boolean withOptimal) {
        Tnum[] all = w.tnums();
        long[] c = Rows.sum(all.length, 8, i -> {
            long[] row = new long[8];
            Tnum a = all[i];
            for (Tnum b : all) {
                Tnum n18 = Tnum.mul(a, b);
                Tnum c22 = TnumMulHistory.cgo22(a, b);
                if (n18.equals(c22)) row[0]++;
                else if (c22.containsAll(n18)) row[1]++;
                else if (n18.containsAll(c22)) row[2]++;
                else {
                    int d = Long.bitCount(c22.mask()) - Long.bitCount(n18.mask());
                    row[d > 0 ? 3 : d < 0 ? 4 : 5]++;
                }
                if (withOptimal) {
                    Tnum best = BestAbstraction.ofProducts(a, b);
                    if (n18.equals(best)) row[6]++;
                    if (c22.equals(best)) row[7]++;
                }
            }
            return row;
        });
        long incomparable = c[3] + c[4] + c[5];
        long pairs = (long) all.length * all.length;
        return new Result(w.bits(), pairs, c[0], c[1], c[2], incomparable, c[3], c[4], c[5],
                withOptimal ? c[6] : -1, withOptimal ? c[7] : -1);
    }
}
