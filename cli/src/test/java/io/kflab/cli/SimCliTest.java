package io.kflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kflab sim through the CLI. */
class SimCliTest {
    @Test
    void runPrintsTheResultShapeAndPlots(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("sim", "run", "--workload", "mixed", "--cpus", "4", "--tasks", "16", "--duration", "200ms",
                "--seed", "3", "--plot", dir.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        for (String key : new String[] {"tasksCreated", "tasksCompleted", "tasksLost", "ejected", "exitReason", "latencyUs", "fairness", "contextSwitches"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("tasksCreated").asInt()).isEqualTo(16);
        assertThat(j.get("tasksLost").asInt()).isZero();
        assertThat(j.get("latencyUs").get("p99").asDouble()).isGreaterThanOrEqualTo(j.get("latencyUs").get("p50").asDouble());
        assertThat(Files.size(dir.resolve("latency-cdf.png"))).isGreaterThan(1000);
        assertThat(Files.size(dir.resolve("cpu-utilisation.png"))).isGreaterThan(1000);
        // the same seed, the same result
        Cli again = Cli.run("sim", "run", "--workload", "mixed", "--cpus", "4", "--tasks", "16", "--duration", "200ms", "--seed", "3", "--json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) j).remove("plots");
        assertThat(JsonMixin.MAPPER.readTree(again.out())).isEqualTo(j);
    }

    @Test
    void scenarioFilesAndBadInput(@TempDir Path dir) throws Exception {
        Path ok = Files.writeString(dir.resolve("io.yaml"), "cpus: 2\nworkload: io\ntasks: 8\nduration: 100ms\n");
        Cli r = Cli.run("sim", "run", ok.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("io: fair on io, 2 CPUs, 100ms").contains("8 created").contains("0 lost");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "cpus: 2\nworkload: disk\n");
        Cli b = Cli.run("sim", "run", bad.toString());
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("bad.yaml:2:11").contains("expected a workload").doesNotContain("Exception");
        assertThat(Cli.run("sim", "run", "--duration", "soon").exit()).isEqualTo(2);
        assertThat(Cli.run("sim", "run", "--scheduler", "nope").exit()).isEqualTo(2);
        assertThat(Cli.run("sim", "run", dir.resolve("missing.yaml").toString()).exit()).isEqualTo(2);
    }

    @Test
    void schedulersAndCompare() throws Exception {
        JsonNode s = JsonMixin.MAPPER.readTree(Cli.run("sim", "schedulers", "--json").out());
        assertThat(s.get("schedulers").findValuesAsText("name")).contains("fair");
        Cli c = Cli.run("sim", "compare", "--schedulers", "fair", "--workload", "short", "--tasks", "50", "--cpus", "2", "--duration", "300ms");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("scheduler").contains("fair");
    }

    @Test
    void badNamesAreOneLineErrorsBeforeAnythingRuns() {
        Cli b = Cli.run("bench", "NoSuchBench");
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("no benchmark matches").doesNotContain("Exception").doesNotContain("\tat ");
        Cli c = Cli.run("sim", "compare", "--schedulers", "fair,nope");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("found 'nope'").doesNotContain("sim compare");
    }
}
