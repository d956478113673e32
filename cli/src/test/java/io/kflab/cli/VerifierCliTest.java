package io.kflab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kflab.bpf.sys.KernelAssumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kflab verify, diff and selftests through the CLI. */
class VerifierCliTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "asm");

    @Test
    void verifyGivesTheKernelsShapeOfAnswerAndSaysItIsTheModel() throws Exception {
        Cli r = Cli.run("verify", EXAMPLES.resolve("uninit_r2.s").toString(), "--type", "socket_filter", "--json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        assertThat(j.get("accepted").asBoolean()).isFalse();
        assertThat(j.get("errno").asText()).isEqualTo("EACCES");
        assertThat(j.get("log").asText()).contains("R2 !read_ok");
        assertThat(j.get("model").asBoolean()).isTrue();
    }

    @Test
    void diffOfGeneratedProgramsNeverHasTheModelAcceptWhatTheKernelRejects(@TempDir Path out) throws Exception {
        KernelAssumptions.assumeBpf();
        Cli r = Cli.run("diff", "--random", "300", "--seed", "5", "--out", out.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        assertThat(j.get("total").asInt()).isEqualTo(300);
        assertThat(j.get("modelAcceptKernelReject").asInt()).isZero();
        assertThat(j.get("agree").asInt()).isGreaterThanOrEqualTo(290);
        assertThat(j.get("reproducers").size()).isEqualTo(300 - j.get("agree").asInt());
        assertThat(Cli.run("diff", "--random", "0").exit()).isEqualTo(2);
    }

    @Test
    void selftestsRunOnTheModelAndTheKernel() throws Exception {
        KernelAssumptions.assumeBpf();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get")), "the linux-6.12 corpus comes from apt-get download");
        Cli r = Cli.run("selftests", "run", "--kernel", "--filter", "verifier_and", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        assertThat(j.get("imported").asInt()).isGreaterThan(1000);
        assertThat(j.get("run").asInt()).isPositive().isEqualTo(j.get("tests").size());
        assertThat(j.get("kernelAgreesWithExpected").asInt()).isGreaterThan(0);
        assertThat(j.get("unsupportedByFeature").size()).isPositive();
    }

    @Test
    void veristatPutsKernelAndModelSideBySide() throws Exception {
        KernelAssumptions.assumeBpf();
        Cli r = Cli.run("veristat", "--generated", "12", "--reps", "2", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        assertThat(j.get("programs").size()).isEqualTo(12);
        assertThat(j.get("summary").get("programs").asInt()).isEqualTo(12);
        assertThat(j.get("summary").get("medianTimeRatio").asDouble()).isPositive();
        JsonNode first = j.get("programs").get(0);
        assertThat(first.get("program").asText()).isEqualTo("generated/7-00000");
        assertThat(first.get("kernel").get("insns").asInt()).isPositive();
        Cli table = Cli.run("veristat", "--generated", "3", "--reps", "1", "--rows");
        assertThat(table.out()).contains("Verdict").contains("(kernel)").contains("generated/7-00002").contains("3 programs,");
        assertThat(Cli.run("veristat", "--reps", "0").exit()).isEqualTo(2);
        assertThat(Cli.run("veristat", "--filter", "nothing-matches-this").exit()).isEqualTo(2);
    }

    @Test
    void structOpsAttachChecksMatchTheKernel(@TempDir Path dir) throws Exception {
        KernelAssumptions.assumeBpf();
        Path prog = Files.writeString(dir.resolve("ret0.s"), "r0 = 0\nexit\n");
        String[][] cases = {
            {"--attach", "tcp_congestion_ops:get_info"},          // no cfi stub: ENOTSUPP
            {"--attach", "bpf_dummy_ops:test_1", "--sleepable"},   // check_member refuses sleepable: EINVAL
            {"--attach", "tcp_congestion_ops:name"},              // a data member: EINVAL
        };
        for (String[] c : cases) {
            java.util.List<String> model = new java.util.ArrayList<>(java.util.List.of("verify", prog.toString(), "--type", "struct_ops", "--json"));
            java.util.List<String> kernel = new java.util.ArrayList<>(java.util.List.of("kernel", "load", prog.toString(), "--type", "struct_ops", "--json"));
            model.addAll(java.util.List.of(c));
            kernel.addAll(java.util.List.of(c));
            JsonNode m = JsonMixin.MAPPER.readTree(Cli.run(model.toArray(String[]::new)).out());
            JsonNode k = JsonMixin.MAPPER.readTree(Cli.run(kernel.toArray(String[]::new)).out());
            assertThat(m.get("accepted").asBoolean()).as(String.join(" ", c)).isFalse();
            assertThat(m.get("errno").asText()).as(String.join(" ", c)).isEqualTo(k.get("errno").asText());
            assertThat(k.get("log").asText()).as(String.join(" ", c)).startsWith(m.get("log").asText());
        }
        assertThat(Cli.run("verify", prog.toString(), "--type", "xdp", "--attach", "tcp_congestion_ops:ssthresh").exit()).isEqualTo(2);
    }
}
