package io.kflab.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.sim.workload.WorkloadKind;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {
    @Test
    void readsEveryKey() {
        Scenario s = ScenarioFile.parse("""
                name: web
                cpus: 16
                duration: 250ms
                seed: 7
                scheduler: fair
                workload: io
                tasks: 100
                weighted: true
                design: LOAD_FILTER
                """, "web.yaml");
        assertThat(s).isEqualTo(new Scenario("web", 16, 250_000_000L, 7, "fair", WorkloadKind.IO, 100, true, "LOAD_FILTER"));
    }

    @Test
    void defaultsWhenEmpty() {
        Scenario s = ScenarioFile.parse("", "dir/empty.yaml");
        assertThat(s.name()).isEqualTo("empty");
        assertThat(s.cpus()).isEqualTo(4);
        assertThat(s.durationNs()).isEqualTo(1_000_000_000L);
        assertThat(s.workload()).isEqualTo(WorkloadKind.MIXED);
    }

    @Test
    void badInputNamesLineColumnAndWhatWasExpected() {
        bad("cpus: 4\nworkload: disk\n", "s.yaml:2:11", "expected a workload (cpu, io, mixed, bursty, short), found 'disk'");
        bad("cpus: lots\n", "s.yaml:1:7", "expected 'cpus' to be an integer in 1..4096, found 'lots'");
        bad("cpus: 4\nduraton: 2s\n", "s.yaml:2:1", "expected one of cpus, design, duration, name, scheduler, seed, tasks, weighted, workload, found key 'duraton'");
        bad("duration: forever\n", "s.yaml:1:11", "expected a duration such as 2s, 500ms or 100us, found 'forever'");
        bad("- cpus\n", "s.yaml:1:1", "expected a mapping of scenario keys");
        bad("cpus: [1, 2]\n", "s.yaml:1:1", "expected a plain value for 'cpus'");
        bad("cpus: 4\ncpus: 8\n", "s.yaml:2:1", "expected 'cpus' once");
        bad("cpus: 4\n  bad: : :\n", "s.yaml:2", "expected YAML");
    }

    private static void bad(String text, String where, String what) {
        assertThatThrownBy(() -> ScenarioFile.parse(text, "s.yaml")).isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    BadInputException b = (BadInputException) e;
                    assertThat(b.location()).startsWith(where);
                    assertThat(b.getMessage()).contains(what);
                    assertThat(b.oneLine()).doesNotContain("\n");
                });
    }

    @Test
    void durations() {
        assertThat(Durations.parseNs("2s")).isEqualTo(2_000_000_000L);
        assertThat(Durations.parseNs("1.5ms")).isEqualTo(1_500_000L);
        assertThat(Durations.parseNs("100us")).isEqualTo(100_000L);
        assertThat(Durations.parseNs("0s")).isEqualTo(-1);
        assertThat(Durations.parseNs("2 hours")).isEqualTo(-1);
        assertThat(Durations.format(2_000_000_000L)).isEqualTo("2s");
        assertThat(Durations.format(1_500_000L)).isEqualTo("1500us");
    }
}
