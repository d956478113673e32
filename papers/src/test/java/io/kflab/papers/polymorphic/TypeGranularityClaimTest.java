package io.kflab.papers.polymorphic;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.DesignMatrix;
import io.kflab.verifier.resolve.Verdict.Kind;
import org.junit.jupiter.api.Test;

/** Claim 3 holds: registration for the STRUCT_OPS program type admits more than the per-member rule, whose members need several allow sets. */
class TypeGranularityClaimTest {
    @Test
    void programTypeIsTooCoarse() {
        var matrices = Matrices.all();
        ClaimResult c = TypeGranularityClaim.run(matrices);
        assertThat(c.holds()).as(c.conditions()).isTrue();
        DesignMatrix scx = matrices.getFirst();
        assertThat(scx.subsystem().name()).isEqualTo("sched_ext");
        long legal = scx.counts().get(Resolution.LOAD_FILTER).get(Kind.ALLOWED_AT_LOAD);
        long byType = scx.cellCount() - scx.counts().get(Resolution.RUNTIME_MASK).get(Kind.REJECTED_AT_LOAD);
        assertThat(legal).isLessThan(byType);
        assertThat(c.evidence()).contains("| sched_ext | " + scx.rows().size() + " | " + scx.members().size() + " | " + scx.cellCount() + " | " + byType
                + " | " + legal + " |").contains("`scx_bpf_dsq_move_to_local`");
    }
}
