package io.kflab.verifier.tnum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

class TnumTest {
    @Test
    void multiplicationMatchesWhatTheKernelsPrint() {
        // Measured on 6.18 (../shared reference, verifier.md §8): r0 = (0x1; 0x2), r0 *= 7
        assertThat(Tnum.mul(new Tnum(0x1, 0x2), Tnum.constant(7))).isEqualTo(new Tnum(0x5, 0x12));
        assertThat(TnumMulHistory.cgo22(new Tnum(0x1, 0x2), Tnum.constant(7))).isEqualTo(new Tnum(0x1, 0x1e));
        // (0x1; 0x2) x (0x26; 0x1): 6.18, CGO'22 (kernel 2021-6.17), before 2021
        assertThat(Tnum.mul(new Tnum(0x1, 0x2), new Tnum(0x26, 0x1))).isEqualTo(new Tnum(0x20, 0x57));
        assertThat(TnumMulHistory.cgo22(new Tnum(0x1, 0x2), new Tnum(0x26, 0x1))).isEqualTo(new Tnum(0x20, 0x5f));
        assertThat(TnumMulHistory.beforeCgo22(new Tnum(0x1, 0x2), new Tnum(0x26, 0x1))).isEqualTo(new Tnum(0x0, 0xff));
    }

    @Test
    void rangeAndPrinting() {
        assertThat(Tnum.range(0, 240)).isEqualTo(new Tnum(0, 0xff));
        assertThat(Tnum.range(16, 31)).isEqualTo(new Tnum(16, 0xf));
        assertThat(Tnum.range(0, -1L)).isEqualTo(Tnum.UNKNOWN);
        assertThat(new Tnum(0x5, 0x12)).hasToString("(0x5; 0x12)");
    }

    /** Exhaustive soundness at a small width: every concrete result lies in the abstract result. */
    @Test
    void everyOperationIsSoundExhaustivelyAt5Bits() {
        int n = 5;
        check(n, Tnum::add, Long::sum);
        check(n, Tnum::sub, (x, y) -> x - y);
        check(n, Tnum::and, (x, y) -> x & y);
        check(n, Tnum::or, (x, y) -> x | y);
        check(n, Tnum::xor, (x, y) -> x ^ y);
        check(n, Tnum::mul, (x, y) -> x * y);
        check(n, TnumMulHistory::cgo22, (x, y) -> x * y);
        check(n, TnumMulHistory::beforeCgo22, (x, y) -> x * y);
        check(n, Tnum::union, null);
    }

    private static void check(int n, BinaryOperator<Tnum> abs, LongBinaryOperator conc) {
        long all = (1L << n) - 1;
        long count = 0;
        for (long am = 0; am <= all; am++) {
            for (long av = 0; av <= all; av++) {
                if ((av & am) != 0) continue;
                for (long bm = 0; bm <= all; bm++) {
                    for (long bv = 0; bv <= all; bv++) {
                        if ((bv & bm) != 0) continue;
                        Tnum a = new Tnum(av, am), b = new Tnum(bv, bm);
                        Tnum r = abs.apply(a, b);
                        Tnum rn = new Tnum(r.value() & all, r.mask() & all);
                        long xs = 0;
                        do {
                            long ys = 0;
                            do {
                                long x = av | xs, y = bv | ys;
                                if (conc == null) {
                                    assertThat(rn.contains(x) && rn.contains(y)).as("%s u %s = %s", a, b, rn).isTrue();
                                } else {
                                    long z = conc.applyAsLong(x, y) & all;
                                    if (!rn.contains(z)) {
                                        throw new AssertionError(a + " op " + b + " = " + rn + " misses " + z + " = f(" + x + ", " + y + ")");
                                    }
                                }
                                count++;
                                ys = (ys - bm) & bm;
                            } while (ys != 0);
                            xs = (xs - am) & am;
                        } while (xs != 0);
                    }
                }
            }
        }
        assertThat(count).isEqualTo(1L << (4 * n)); // (sum over tnums of |gamma|)^2 = (4^n)^2
    }

    @Property(tries = 3000)
    void everyOperationIsSoundAt64Bits(@ForAll long av, @ForAll long am, @ForAll long bv, @ForAll long bm,
            @ForAll long xr, @ForAll long yr) {
        Tnum a = new Tnum(av & ~am, am), b = new Tnum(bv & ~bm, bm);
        long x = a.value() | (xr & a.mask()), y = b.value() | (yr & b.mask());
        assertThat(Tnum.add(a, b).contains(x + y)).isTrue();
        assertThat(Tnum.sub(a, b).contains(x - y)).isTrue();
        assertThat(Tnum.and(a, b).contains(x & y)).isTrue();
        assertThat(Tnum.or(a, b).contains(x | y)).isTrue();
        assertThat(Tnum.xor(a, b).contains(x ^ y)).isTrue();
        assertThat(Tnum.mul(a, b).contains(x * y)).isTrue();
        int s = (int) (yr & 63);
        assertThat(a.lshift(s).contains(x << s)).isTrue();
        assertThat(a.rshift(s).contains(x >>> s)).isTrue();
        assertThat(a.arshift(s, 64).contains(x >> s)).isTrue();
        assertThat(a.arshift(s & 31, 32).contains(Integer.toUnsignedLong((int) x >> (s & 31)))).isTrue();
        assertThat(Tnum.union(a, b).containsAll(a)).isTrue();
        assertThat(Tnum.union(a, b).containsAll(b)).isTrue();
    }
}
