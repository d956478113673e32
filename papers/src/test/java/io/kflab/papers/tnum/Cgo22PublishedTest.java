package io.kflab.papers.tnum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CGO'22 precision table, exact at 5-8 bits (9 bits, 50 s, is checked by the full run). Exhaustive
 * counts have no tolerance: any drift means kflab's multiplications or method changed.
 */
class Cgo22PublishedTest {

    @ParameterizedTest(name = "{0}-bit")
    @ValueSource(ints = {5, 6, 7, 8})
    void paperTableIsReproducedExactly(int bits) {
        Cgo22Precision.Result r = Cgo22Precision.compare(new Width(bits));
        Published.Cgo22Row paper = Published.CGO22_PAPER.stream().filter(p -> p.bits() == bits).findFirst().orElseThrow();
        Published.Cgo22Row artifact = Published.CGO22_ARTIFACT_2021.stream().filter(p -> p.bits() == bits).findFirst().orElseThrow();

        assertThat(r.paper().differing()).as("paper: differing pairs").isEqualTo(paper.differing());
        assertThat(r.paper().oursBetter()).as("paper: our_mul better").isEqualTo(paper.oursBetter());
        assertThat(r.artifact2021().differing()).as("artifact 2021: differing pairs").isEqualTo(artifact.differing());
        assertThat(r.artifact2021().oursBetter()).as("artifact 2021: our_mul better").isEqualTo(artifact.oursBetter());
        assertThat(r.paper().pairs()).isEqualTo((long) new Width(bits).count() * new Width(bits).count());
    }

    /** kflab's own strict counts (nothing published): regression guard only. */
    @ParameterizedTest(name = "{0}-bit")
    @ValueSource(ints = {5, 6, 7})
    void kflabStrictCountsAreStable(int bits) {
        Cgo22Precision.Counts strict = Cgo22Precision.compare(new Width(bits)).strict();
        long[][] expected = {{16, 12, 4, 0}, {363, 280, 83, 0}, {5_418, 4_244, 1_174, 0}};
        long[] e = expected[bits - 5];
        assertThat(new long[] {strict.differing(), strict.oursBetter(), strict.oldBetter(), strict.incomparable()})
                .as("kflab's strict counts at %d bits", bits).containsExactly(e);
    }
}
