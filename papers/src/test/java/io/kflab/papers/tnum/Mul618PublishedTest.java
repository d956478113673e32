package io.kflab.papers.tnum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 6.18 tnum_mul commit's 6-bit figures, exact; and kflab's own 6- and 8-bit numbers as regression guards. */
class Mul618PublishedTest {

    @Test
    void commitFiguresAt6BitsAreReproducedExactly() {
        Mul618Precision.Result r = Mul618Precision.compare(new Width(Published.MUL618_BITS), true);
        assertThat(r.pairs()).isEqualTo(531_441);
        assertThat(r.better()).as("6.18 better").isEqualTo(Published.MUL618_BETTER);
        assertThat(r.same()).as("same").isEqualTo(Published.MUL618_SAME);
        assertThat(r.worse()).as("6.18 worse").isEqualTo(Published.MUL618_WORSE);
        assertThat(Math.round(100.0 * r.optimal618() / r.pairs())).as("6.18 optimal %").isEqualTo(Published.MUL618_OPTIMAL_PERCENT);
        assertThat(Math.round(100.0 * r.optimalCgo22() / r.pairs())).as("CGO'22 optimal %").isEqualTo(Published.CGO22_OPTIMAL_PERCENT);

        // kflab's own breakdown and optimal counts (not published): regression guard.
        assertThat(new long[] {r.equal(), r.betterBySubset(), r.worseBySubset(), r.incomparableBetter(), r.incomparableWorse(),
                        r.incomparableTie(), r.optimal618(), r.optimalCgo22()})
                .containsExactly(228_468, 284_938, 16_842, 121, 482, 590, 432_406, 202_444);
    }

    /** kflab's 8-bit numbers (nothing published at 8 bits): regression guard. */
    @Test
    void kflab8BitNumbersAreStable() {
        Mul618Precision.Result r = Mul618Precision.compare(new Width(8), true);
        assertThat(new long[] {r.better(), r.same(), r.worse(), r.optimal618(), r.optimalCgo22()})
                .containsExactly(30_086_328, 11_496_584, 1_463_809, 32_750_741, 9_394_666);
    }
}
