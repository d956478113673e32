package io.kflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kflab designs: list, matrix (built-in and design-file subsystems), rewrite; JSON shapes and exit codes. */
class DesignsCliTest {
    @TempDir Path tmp;

    private static JsonNode json(Cli r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        return JsonMixin.MAPPER.readTree(r.out());
    }

    static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("examples/designs");
            if (Files.isDirectory(d)) return d;
        }
        throw new IllegalStateException("examples/designs not found");
    }

    @Test
    void listHasTheEightDesignsAndTheBuiltInSubsystems() throws Exception {
        JsonNode j = json(Cli.run("designs", "list", "--json"));
        assertThat(j.get("designs")).hasSize(8);
        assertThat(j.get("designs").get(0).get("kind").asText()).isEqualTo("RUNTIME_MASK");
        assertThat(j.get("designs").get(7).get("letter").asText()).isEqualTo("h");
        assertThat(j.get("subsystems").findValuesAsText("name")).contains("sched_ext", "bpf_qdisc");
    }

    @Test
    void matrixJsonShape() throws Exception {
        JsonNode j = json(Cli.run("designs", "matrix", "--subsystem", "sched_ext", "--designs", "RUNTIME_MASK,LOAD_FILTER,POLYMORPHIC", "--json"));
        assertThat(j.get("designs").size()).isEqualTo(3);
        int cells = j.get("cellCount").asInt();
        assertThat(cells).isEqualTo(j.get("kfuncs").size() * j.get("members").size());
        assertThat(j.get("cells")).hasSize(cells);
        int disagree = 0;
        for (JsonNode c : j.get("cells")) {
            if (c.get("disagree").asBoolean()) disagree++;
            if (c.get("kfunc").asText().equals("scx_bpf_dsq_insert") && c.get("member").asText().equals("select_cpu")) {
                assertThat(c.at("/verdicts/POLYMORPHIC/resolvesTo").asText()).isEqualTo("scx_bpf_dsq_insert_direct");
                assertThat(c.at("/verdicts/LOAD_FILTER/kind").asText()).isEqualTo("ALLOWED_AT_LOAD");
            }
            if (c.get("kfunc").asText().equals("scx_bpf_dsq_insert") && c.get("member").asText().equals("init")) {
                assertThat(c.at("/verdicts/LOAD_FILTER/errno").asText()).isEqualTo("EACCES");
                assertThat(c.at("/verdicts/RUNTIME_MASK/kind").asText()).isEqualTo("ALLOWED_FAILS_AT_RUNTIME");
                assertThat(c.get("disagree").asBoolean()).isTrue();
            }
        }
        assertThat(j.get("disagreements").asInt()).isEqualTo(disagree).isPositive();
        int sum = 0;
        for (JsonNode n : j.at("/counts/LOAD_FILTER")) sum += n.asInt();
        assertThat(sum).isEqualTo(cells);
    }

    @Test
    void matrixFromTheGpioDesignFile() {
        Cli r = Cli.run("designs", "matrix", "--design-file", examples().resolve("gpio-driver-struct-ops.kfl").toString(),
                "--designs", "RUNTIME_MASK,LOAD_FILTER");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("gpio_bpf_ops").contains("5 kfuncs x 8 members = 40 cells")
                .containsPattern("! bpf_gpio_set_value +request +RUNTIME_MASK=runtime LOAD_FILTER=rejected\\(EACCES\\)");
    }

    @Test
    void badDesignFileExitsTwoWithTheLocation() throws Exception {
        Path p = tmp.resolve("bad.kfl");
        Files.writeString(p, "design \"bad\";\nkfunc void f(void);\nset s { f; }\nregister set s for struct_ops;\n"
                + "struct_ops ops {\n    design POLYMORPHIC;\n    void a(void);\n}\nfamily f for ops {\n    variant nope when member == a;\n}\n");
        Cli r = Cli.run("designs", "matrix", "--design-file", p.toString(), "--json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("kflab: " + p + ":10:").contains("unknown kfunc 'nope'").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownSubsystemAndDesignExitTwo() {
        assertThat(Cli.run("designs", "matrix", "--subsystem", "nope").exit()).isEqualTo(2);
        Cli r = Cli.run("designs", "matrix", "--designs", "RUNTIME_MASK,FOO");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown design 'FOO'");
    }

    @Test
    void rewriteShowsTheResolvedCall() throws Exception {
        Path p = tmp.resolve("enq.s");
        Files.writeString(p, "r1 = 0;\nr2 = 0;\nr3 = 0;\nr4 = 0;\ncall scx_bpf_dsq_insert;\ncall scx_bpf_kick_cpu;\nr0 = 0;\nexit;\n");
        JsonNode j = json(Cli.run("designs", "rewrite", p.toString(), "--subsystem", "sched_ext", "--member", "enqueue",
                "--design", "POLYMORPHIC", "--json"));
        assertThat(j.get("loads").asBoolean()).isTrue();
        assertThat(j.get("sites")).hasSize(2);
        JsonNode insert = j.get("sites").get(0);
        assertThat(insert.get("slot").asInt()).isEqualTo(4);
        assertThat(insert.get("resolved").asText()).isEqualTo("scx_bpf_dsq_insert_direct");
        assertThat(insert.get("resolvedId").asInt()).isNotEqualTo(insert.get("namedId").asInt());
        assertThat(j.get("log").get(0).asText()).contains("call scx_bpf_dsq_insert#").contains("-> scx_bpf_dsq_insert_direct#");
        Cli tick = Cli.run("designs", "rewrite", p.toString(), "--member", "tick", "--design", "LOAD_FILTER");
        assertThat(tick.exit()).as(tick.err()).isZero();
        assertThat(tick.out()).contains("calling kernel function scx_bpf_dsq_insert is not allowed").contains("rejected at load");
    }
}
