package io.kflab.papers.tnum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner writes RESULTS.md with every figure beside the published one (small widths here). */
class TnumCgo22RunnerTest {
    @Test
    void writesResultsWithVerdicts(@TempDir Path dir) throws Exception {
        TnumCgo22.Report report = TnumCgo22.run(dir, new Plan("test", 4, List.of(5, 6), List.of(6), 6));
        assertThat(report.ok()).isTrue();
        assertThat(report.mismatches()).isZero();
        // CGO'22 5 and 6 bits (paper + artifact, 2 figures each), 6.18: 3 counts + 2 optimal rates, 6 examples
        assertThat(report.matches()).isEqualTo(8 + 5 + 6);
        String md = Files.readString(dir.resolve("RESULTS.md"));
        assertThat(md).startsWith("# tnum-cgo22").contains("| 6 | 531,441 | 180 | 180 | 139 | 139 |")
                .contains("285,059").contains("**Summary:** 19 published figures reproduced exactly, 0 mismatched")
                .doesNotContain("MISMATCH").doesNotContain("UNSOUND");
    }
}
