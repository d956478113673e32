package io.kflab.papers.polymorphic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Claim 1 holds: RUNTIME_MASK does per-CPU mask and marker work per op, LOAD_FILTER only the marker, POLYMORPHIC none. */
class RuntimeStateClaimTest {
    @Test
    void loadTimeResolutionRemovesThePerCpuStateAndTheCheck() {
        ClaimResult c = RuntimeStateClaim.run(Fixtures.SMALL, Fixtures.timing());
        assertThat(c.holds()).as(c.conditions()).isTrue();
        assertThat(c.conditions()).doesNotContain("FAILED");
        // the POLYMORPHIC rows count no access; the RUNTIME_MASK rows do
        assertThat(c.evidence()).containsPattern("\\| fifo \\| POLYMORPHIC \\| [0-9,]+ \\| 0 \\| 0 \\| 0 \\| 0\\.00 \\|")
                .containsPattern("\\| vtime \\| POLYMORPHIC \\| [0-9,]+ \\| 0 \\| 0 \\| 0 \\| 0\\.00 \\|")
                .containsPattern("\\| fifo \\| RUNTIME_MASK \\| [0-9,]+ \\| [1-9][0-9,]* \\| [1-9][0-9,]* \\| [1-9][0-9,]* \\|")
                .contains("| mechanism | 1 | RUNTIME_MASK | 3.00 |");
    }
}
