package io.kflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kflab.bpf.sys.KernelAssumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kflab run (the runtime) against kflab kernel run, and kflab diff --run. */
class RunCliTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("kflab.home", "..")).resolve("examples/asm");
    private static final String FRAME = "00000000000000000000000008004500005400000000400600000000000000000000000000000000000000000000000000000000000000000000000000000000";

    @Test
    void runHasTheJsonOfKernelRun() throws Exception {
        Cli r = Cli.run("run", EXAMPLES.resolve("count_by_proto.s").toString(), "--type", "sched_cls",
                "--map", "counts=array:4:8:256", "--data", FRAME, "--repeat", "7", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        assertThat(j.get("retval").asLong()).isZero();
        assertThat(j.at("/maps/counts/06000000").asText()).isEqualTo("0700000000000000");
        assertThat(j.get("dataOut").asText()).isEqualTo(FRAME);
        assertThat(j.get("repeat").asInt()).isEqualTo(7);
    }

    @Test
    void runAndKernelRunAgree() throws Exception {
        KernelAssumptions.assumeBpf();
        for (String f : new String[] {"ipv4_len.s", "count_by_proto.s"}) {
            String[] args = {EXAMPLES.resolve(f).toString(), "--type", "sched_cls", "--map", "counts=array:4:8:256", "--data", FRAME, "--json"};
            JsonNode sim = JsonMixin.MAPPER.readTree(Cli.run(concat("run", args)).out());
            JsonNode kernel = JsonMixin.MAPPER.readTree(Cli.run(concat("kernel", concat("run", args))).out());
            for (String field : new String[] {"retval", "dataOut", "ctxOut", "maps"}) assertThat(sim.get(field)).as(f + " " + field).isEqualTo(kernel.get(field));
        }
    }

    @Test
    void faultsExitOneAndBadInputExitsTwo(@TempDir Path dir) throws Exception {
        Path oob = dir.resolve("oob.s");
        Files.writeString(oob, "r0 = *(u64 *)(r10 + 8)\nexit\n");
        Cli r = Cli.run("run", oob.toString(), "--type", "xdp", "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(JsonMixin.MAPPER.readTree(r.out()).get("insn").asInt()).isZero();
        assertThat(r.err()).contains("out of bounds");
        Cli bad = Cli.run("run", oob.toString(), "--type", "xdp", "--data", "00");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("kflab: --data: an XDP test run needs at least 14 bytes of packet");
        Cli badMap = Cli.run("run", oob.toString(), "--type", "xdp", "--map", "t=lpm_trie:8:8:1");
        assertThat(badMap.exit()).isEqualTo(2);
        assertThat(badMap.err()).contains("lpm_trie");
    }

    @Test
    void diffRunReportsSameResults(@TempDir Path dir) throws Exception {
        KernelAssumptions.assumeBpf();
        Cli r = Cli.run("diff", "--run", "--random", "40", "--seed", "3", "--out", dir.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        assertThat(j.get("total").asInt()).isEqualTo(40);
        assertThat(j.get("differentResult").asInt()).isZero();
        assertThat(j.get("sameResult").asInt() + j.get("kernelRejected").asInt()).isEqualTo(40);
    }

    private static String[] concat(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
