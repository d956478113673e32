package io.kflab.verifier.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.bpf.diag.Progress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** veristat of 40 generated programs on the running kernel and the model. */
class VeriStatKernelTest {
    @Test
    void bothSidesReportTheirFigures() {
        KernelAssumptions.assumeBpf();
        List<Subject> subjects = Subject.generated(40, 7);
        List<Comparison> cs = VeriStat.compare(subjects, 2, Progress.quiet());
        assertThat(cs).hasSize(40);
        assertThat(cs).extracting(Comparison::program).startsWith("generated/7-00000");
        for (Comparison c : cs) {
            assertThat(c.kernel().timeUs()).as("%s: BPF_LOG_STATS time", c.program()).isNotNaN().isGreaterThanOrEqualTo(0);
            assertThat(c.model().timeUs()).as(c.program()).isPositive();
            if (c.kernel().accepted()) assertThat(c.kernel().insns()).as(c.program()).isPositive();
            if (!c.kernel().accepted()) assertThat(c.kernel().errno()).as(c.program()).isNotEmpty();
        }
        // kflab diff --seed 7 agrees on 1996 of 2000: at most one disagreement is expected here
        assertThat(cs.stream().filter(Comparison::sameVerdict).count()).isGreaterThanOrEqualTo(39);
        long bothAccept = cs.stream().filter(c -> c.kernel().accepted() && c.model().accepted()).count();
        long sameInsns = cs.stream().filter(c -> c.kernel().accepted() && c.model().accepted()
                && c.kernel().insns() == c.model().insns()).count();
        assertThat(bothAccept).isPositive();
        assertThat(sameInsns).as("same processed count on %d programs both accept", bothAccept).isGreaterThanOrEqualTo(bothAccept / 2);
    }
}
