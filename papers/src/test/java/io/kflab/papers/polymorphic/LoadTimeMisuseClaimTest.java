package io.kflab.papers.polymorphic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Claim 2 holds: broken-context is ejected at run time under RUNTIME_MASK and refused at load otherwise; only RUNTIME_MASK has run-time failures. */
class LoadTimeMisuseClaimTest {
    @Test
    void misuseIsCaughtAtLoad() {
        ClaimResult c = LoadTimeMisuseClaim.run(Fixtures.SMALL, Matrices.all());
        assertThat(c.holds()).as(c.conditions()).isTrue();
        assertThat(c.evidence()).contains("| RUNTIME_MASK | ejected at run time (ERROR) |")
                .contains("| LOAD_FILTER | rejected at load | 0 |").contains("| POLYMORPHIC | rejected at load | 0 |")
                .contains("calling kernel function scx_bpf_dsq_move_to_local is not allowed")
                // the matrix: no run-time failure under the load-time designs
                .containsPattern("\\| sched_ext \\| RUNTIME_MASK \\| \\d+ \\| \\d+ \\| [1-9]\\d* \\|")
                .containsPattern("\\| sched_ext \\| POLYMORPHIC \\| \\d+ \\| \\d+ \\| 0 \\|")
                .containsPattern("\\| sched_ext \\| LOAD_FILTER \\| \\d+ \\| \\d+ \\| 0 \\|");
    }
}
