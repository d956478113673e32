package io.kflab.papers.tnum;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.verifier.tnum.Tnum;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;

/**
 * 64-bit soundness by random testing: for random tnums and random members of them, the concrete
 * 64-bit result is a member of the abstract result (the paper proves this with Z3).
 */
class Soundness64Properties {

    /** A tnum with a random value and mask, and one of its members. */
    record Member(Tnum t, long x) {}

    @Provide
    Arbitrary<Member> members() {
        // edge values enter explicitly (jqwik's edge-case mixing would crowd out random cases)
        Arbitrary<Long> bits = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.longs()), Tuple.of(1, Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L)));
        // masks of every density: sparse, dense and uniform
        Arbitrary<Long> masks = Arbitraries.oneOf(bits, bits.map(m -> m & Long.rotateLeft(m, 17)), bits.map(m -> m | Long.rotateLeft(m, 29)),
                Arbitraries.of(0L, -1L, 0xffL, 0xffff_ffffL));
        return Combinators.combine(bits, masks, bits).as((v, m, pick) -> new Member(new Tnum(v & ~m, m), (v & ~m) | (pick & m)));
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
    void binaryOperationsAreSound(@ForAll("members") Member a, @ForAll("members") Member b) {
        for (BinaryOp op : BinaryOp.values()) {
            Tnum r = op.abstractOp(a.t(), b.t());
            long z = op.concrete(a.x(), b.x());
            assertThat(r.contains(z)).as("%s %s %s = %s misses %d", a.t(), op.label(), b.t(), r, z).isTrue();
        }
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void shiftsAreSound(@ForAll("members") Member a, @ForAll @IntRange(min = 0, max = 63) int k) {
        assertThat(a.t().lshift(k).contains(a.x() << k)).isTrue();
        assertThat(a.t().rshift(k).contains(a.x() >>> k)).isTrue();
        assertThat(a.t().arshift(k, 64).contains(a.x() >> k)).isTrue();
    }

    /** The kernel's 32-bit arsh on a 32-bit subregister: the concrete result is the zero-extended s32 shift. */
    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void arshift32IsSound(@ForAll("members") Member a, @ForAll @IntRange(min = 0, max = 31) int k) {
        Tnum t = a.t().subreg();
        long x = a.x() & 0xffff_ffffL;
        assertThat(t.arshift(k, 32).contains(Integer.toUnsignedLong((int) x >> k))).isTrue();
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void unionIntersectRangeAndCastAreSound(@ForAll("members") Member a, @ForAll("members") Member b, @ForAll @IntRange(min = 1, max = 8) int size) {
        Tnum u = Tnum.union(a.t(), b.t());
        assertThat(u.contains(a.x()) && u.contains(b.x())).isTrue();
        if (b.t().contains(a.x())) assertThat(Tnum.intersect(a.t(), b.t()).contains(a.x())).isTrue();
        long lo = Long.compareUnsigned(a.x(), b.x()) <= 0 ? a.x() : b.x();
        long hi = lo == a.x() ? b.x() : a.x();
        Tnum range = Tnum.range(lo, hi);
        assertThat(range.contains(lo) && range.contains(hi)).isTrue();
        long keep = size == 8 ? -1L : (1L << (8 * size)) - 1;
        assertThat(a.t().cast(size).contains(a.x() & keep)).isTrue();
    }
}
