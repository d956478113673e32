package io.kflab.verifier.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierStatsTest {
    /** What 6.18 prints at log_level 4 (BPF_LOG_STATS) after a successful load. */
    static final String STATS_LOG = """
            verification time 37 usec
            stack depth 8
            processed 17 insns (limit 1000000) max_states_per_insn 1 total_states 2 peak_states 3 mark_read 0
            """;

    @Test
    void readsTheStatsLines() {
        assertThat(VerifierStats.timeUs(STATS_LOG)).hasValue(37.0);
        assertThat(VerifierStats.processed(STATS_LOG)).containsExactly(17, 2, 3);
    }

    @Test
    void aLogWithoutStatsGivesNothing() {
        assertThat(VerifierStats.timeUs("0: (b7) r0 = 0\n1: (95) exit\n")).isEmpty();
        assertThat(VerifierStats.processed("")).containsExactly(0, 0, 0);
    }

    @Test
    void medianAndQuantiles() {
        assertThat(VeriStat.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(VeriStat.median(new double[] {4, 1, Double.NaN, 2, 3})).isEqualTo(2.5);
        assertThat(VeriStat.median(new double[] {Double.NaN})).isNaN();
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(VeriStatSummary.quantile(sorted, 0.5)).isEqualTo(5.0);
        assertThat(VeriStatSummary.quantile(sorted, 0.9)).isEqualTo(9.0);
    }

    @Test
    void summaryRatiosAreModelOverKernel() {
        VerifierStats k10 = new VerifierStats(true, "", 10, 5, 0, 0), k0 = new VerifierStats(false, "EACCES", 0, 3, 0, 0);
        List<Comparison> cs = List.of(
                new Comparison("a", k10, new VerifierStats(true, "", 5, 5, 0, 0)),
                new Comparison("b", k10, new VerifierStats(true, "", 30, 6, 1, 1)),
                new Comparison("c", k0, new VerifierStats(true, "", 1, 3, 0, 0)));
        assertThat(cs.get(0).timeRatio()).isEqualTo(0.5);
        assertThat(cs.get(2).timeRatio()).isInfinite();
        VeriStatSummary s = VeriStatSummary.of(cs);
        assertThat(s.programs()).isEqualTo(3);
        assertThat(s.sameVerdict()).isEqualTo(2);
        assertThat(s.medianTimeRatio()).isEqualTo(3.0);
        assertThat(s.kernelTotalUs()).isEqualTo(20.0);
        assertThat(s.modelTotalUs()).isEqualTo(36.0);
        String table = VeriStatTable.render(cs, s);
        assertThat(table).contains("success  success").contains("failure  success").contains("3.00x").contains("inf");
        assertThat(table.lines().reduce((x, y) -> y).orElseThrow())
                .isEqualTo("3 programs, 2 same verdict; model/kernel time: median 3.00x, p90 inf, total 1.80x (36 us / 20 us)");
    }
}
