package io.kflab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.sys.KernelAssumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** kflab structops through the CLI. */
class StructOpsCliTest {
    private static final Path RENO = Path.of("..", "examples", "structops", "kflab_reno");

    @Test
    void theBuiltinCongestionControlIsTheExample() throws Exception {
        for (String m : StructOpsRegisterCommand.BUILTIN) {
            assertThat(StructOpsRegisterCommand.builtinSource(m)).isEqualTo(Files.readString(RENO.resolve(m + ".s")));
        }
    }

    @Test
    void typesListsMembersByBtfIndex() throws Exception {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no kernel BTF at " + Btf.VMLINUX);
        Cli r = Cli.run("structops", "types", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode tcp = null;
        for (JsonNode t : JsonMixin.MAPPER.readTree(r.out())) if (t.get("name").asText().equals("tcp_congestion_ops")) tcp = t;
        assumeTrue(tcp != null, "this kernel has no tcp_congestion_ops");
        JsonNode members = tcp.get("members");
        assertThat(members.get(0).get("name").asText()).isEqualTo("ssthresh");
        for (JsonNode m : members) {
            if (m.get("name").asText().equals("get_info")) assertThat(m.get("supported").asBoolean()).isFalse();
            if (m.get("name").asText().equals("owner")) assertThat(m.get("kind").asText()).isEqualTo("module");
        }
    }

    @Test
    void registerThenUnregisterTheExampleAndRefuseBadInput() throws Exception {
        KernelAssumptions.assumeBpf();
        String name = "kfc" + Long.toString(ProcessHandle.current().pid() % 46656, 36);
        Cli r = Cli.run("structops", "register", RENO.resolve("ssthresh.s").toString(), RENO.resolve("cong_avoid.s").toString(),
                "undo_cwnd=" + RENO.resolve("undo_cwnd.s"), "--name", name, "--json");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        assertThat(j.get("listed").asBoolean()).isTrue();
        assertThat(j.get("unregistered").asBoolean()).isTrue();
        assertThat(Files.readString(Path.of("/proc/sys/net/ipv4/tcp_available_congestion_control"))).doesNotContain(name);
        Cli dup = Cli.run("structops", "register", "--builtin", "--name", "reno", "--via", "map", "--json");
        assertThat(dup.exit()).isEqualTo(1);
        assertThat(dup.out()).contains("EEXIST");
        Cli bad = Cli.run("structops", "register", "--builtin", "--name", "no-dash");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip().lines()).hasSize(1);
        assertThat(Cli.run("structops", "register", "nosuchmember.s", "--name", "x").exit()).isEqualTo(2);
    }

    @Test
    void testRunAndScenarios() throws Exception {
        KernelAssumptions.assumeBpf();
        JsonNode run = JsonMixin.MAPPER.readTree(Cli.run("structops", "test-run", "--member", "test_1", "--state", "9", "--json").out());
        assertThat(run.get("retval").asInt()).isEqualTo(9);
        Cli nul = Cli.run("structops", "test-run", "--member", "test_2", "--json");
        assertThat(nul.exit()).isEqualTo(1);
        assertThat(JsonMixin.MAPPER.readTree(nul.out()).get("errno").asText()).isEqualTo("EINVAL");
        Cli s = Cli.run("structops", "scenarios", "--json");
        JsonNode j = JsonMixin.MAPPER.readTree(s.out());
        assertThat(j.get("total").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(j.get("agree").asInt()).isEqualTo(j.get("total").asInt());
        assertThat(s.exit()).isZero();
    }
}
