package io.kflab.bench.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ratios, propagated errors and targets of the dispatch report, and its files. */
class DispatchReportTest {
    static DispatchReport sample() {
        String m = DispatchScore.MECHANISM;
        return DispatchReport.of("test", List.of(
                new DispatchScore.Raw(m, DispatchDesign.DIRECT_CALL, 1, 2.0, 0.02),
                new DispatchScore.Raw(m, DispatchDesign.RUNTIME_MASK, 1, 3.0, 0.03),
                new DispatchScore.Raw(m, DispatchDesign.LOAD_FILTER, 1, 2.2, 0.02),
                new DispatchScore.Raw(m, DispatchDesign.POLYMORPHIC, 1, 2.02, 0.02)));
    }

    @Test
    void ratiosAndErrors() {
        DispatchReport r = sample();
        DispatchScore base = r.score(DispatchScore.MECHANISM, DispatchDesign.DIRECT_CALL, 1).orElseThrow();
        assertThat(base.ratio()).isEqualTo(1.0);
        assertThat(base.ratioError()).isCloseTo(0.01, within(1e-12));
        DispatchScore mask = r.score(DispatchScore.MECHANISM, DispatchDesign.RUNTIME_MASK, 1).orElseThrow();
        assertThat(mask.ratio()).isCloseTo(1.5, within(1e-12));
        assertThat(mask.ratioError()).isCloseTo(1.5 * Math.hypot(0.01, 0.01), within(1e-12));
    }

    @Test
    void targets() {
        var t = sample().targets();
        assertThat(t).extracting(DispatchReport.Target::name).containsExactly("POLYMORPHIC / direct call (mechanism, 1 call/op)",
                "LOAD_FILTER / direct call (mechanism, 1 call/op)", "RUNTIME_MASK extra ns/call (mechanism, 1 call/op)");
        assertThat(t.get(0).met()).isTrue();   // 1.01
        assertThat(t.get(1).met()).isFalse();  // 1.10
        assertThat(t.get(2).value()).isCloseTo(1.0, within(1e-12));
        assertThat(t.get(2).met()).isTrue();   // hypot(0.03, 0.02) / 1.0 = 3.6%
    }

    @Test
    void scoresAreOrderedByKindCallsAndDesign() {
        String m = DispatchScore.MECHANISM, b = DispatchScore.BPF_RUNTIME;
        DispatchReport r = DispatchReport.of("order", List.of(
                new DispatchScore.Raw(b, DispatchDesign.POLYMORPHIC, 32, 2, 0.1),
                new DispatchScore.Raw(m, DispatchDesign.RUNTIME_MASK, 32, 2, 0.1),
                new DispatchScore.Raw(b, DispatchDesign.DIRECT_CALL, 32, 2, 0.1),
                new DispatchScore.Raw(m, DispatchDesign.DIRECT_CALL, 32, 2, 0.1),
                new DispatchScore.Raw(m, DispatchDesign.LOAD_FILTER, 1, 2, 0.1),
                new DispatchScore.Raw(m, DispatchDesign.DIRECT_CALL, 1, 2, 0.1)));
        assertThat(r.scores()).extracting(s -> s.kind() + "/" + s.callsPerOp() + "/" + s.design()).containsExactly(
                "mechanism/1/DIRECT_CALL", "mechanism/1/LOAD_FILTER", "mechanism/32/DIRECT_CALL", "mechanism/32/RUNTIME_MASK",
                "bpf runtime/32/DIRECT_CALL", "bpf runtime/32/POLYMORPHIC");
    }

    @Test
    void pairedRatiosAreTakenAsMeasured() {
        String b = DispatchScore.BPF_RUNTIME;
        DispatchReport r = DispatchReport.of("paired", List.of(
                new DispatchScore.Raw(b, DispatchDesign.DIRECT_CALL, 32, 100, 30, 1.0, 0.0),
                new DispatchScore.Raw(b, DispatchDesign.RUNTIME_MASK, 32, 120, 30, 1.2, 0.004)));
        DispatchScore mask = r.score(b, DispatchDesign.RUNTIME_MASK, 32).orElseThrow();
        assertThat(mask.ratio()).isEqualTo(1.2);
        assertThat(mask.ratioError()).isEqualTo(0.004);
        // extra cost 20 ns ± 0.4 ns: 2% although each time alone is ± 30 ns
        DispatchReport.Target extra = r.targets().getLast();
        assertThat(extra.value()).isCloseTo(20.0, within(1e-9));
        assertThat(extra.error()).isCloseTo(0.4, within(1e-9));
        assertThat(extra.met()).isTrue();
    }

    @Test
    void inProcessMeasurementCoversEveryDesign() {
        DispatchReport r = DispatchQuick.measure(5, 1);
        assertThat(r.scores()).hasSize(12);
        for (DispatchScore s : r.scores()) {
            assertThat(s.nsPerCall()).as(s.toString()).isPositive();
            if (s.design() == DispatchDesign.DIRECT_CALL) assertThat(s.ratio()).isEqualTo(1.0);
        }
    }

    @Test
    void writesJsonAndPng(@TempDir Path dir) throws Exception {
        DispatchReport r = sample();
        Path json = r.writeJson(dir.resolve("d.json")), png = r.writeChart(dir.resolve("d.png"));
        assertThat(Files.readString(json)).contains("\"RUNTIME_MASK\"").contains("\"targets\"");
        byte[] head = Files.readAllBytes(png);
        assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(r.markdown()).contains("| mechanism | 1 | RUNTIME_MASK | 3.00 | 0.03 | 1.500 |");
    }
}
