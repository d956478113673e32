package io.kflab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kflab.cli.BenchCommand.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ratios {@code kflab bench} derives from JMH scores. */
class BenchRatiosTest {
    @Test
    void runBenchDividesTheEngineByTheKernelsOwnNsPerRun() {
        List<Score> scores = new ArrayList<>(List.of(
                new Score("RunBench.kernel", "a", "avgt", 50, 1, "ns/op"),
                new Score("RunBench.kernel:kernelNs", "a", "avgt", 60_000, 0, "#"),
                new Score("RunBench.kernel:kernelRuns", "a", "avgt", 3_000, 0, "#"),
                new Score("RunBench.kernel", "b", "avgt", 40, 1, "ns/op"), // no counters: wall time per run
                new Score("RunBench.runtime", "interp,a", "avgt", 200, 1, "ns/op"),
                new Score("RunBench.runtime", "interp,b", "avgt", 800, 1, "ns/op")));
        BenchCommand.kernelNsPerRun(scores);
        assertThat(scores).extracting(Score::benchmark).doesNotContain("RunBench.kernel:kernelNs", "RunBench.kernel:kernelRuns")
                .contains("RunBench.kernel:kernelNsPerRun");
        Map<String, Double> r = BenchCommand.ratios(scores);
        assertThat(r.get("run interp / kernel (time per run), a")).isCloseTo(10.0, within(1e-9)); // 200 / (60000 / 3000)
        assertThat(r.get("run interp / kernel (time per run), b")).isCloseTo(20.0, within(1e-9)); // 800 / 40
        assertThat(r.get("run interp / kernel (time per run), geometric mean (target <= 10)")).isCloseTo(Math.sqrt(200), within(1e-9));
    }
}
