package io.kflab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.sys.KernelAssumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "asm");

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        Cli r = Cli.run("kernel", "load", "x.s", "--type", "nope");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("expected a program type").contains("'nope'");
    }

    @Test
    void unknownPaperIsBadInput() {
        Cli r = Cli.run("papers", "run", "no-such-paper");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("kflab: no-such-paper: no such paper; kflab reproduces: tnum-cgo22, polymorphic-kfuncs-lsfmm24");
        assertThat(Cli.run("papers", "list").out().strip()).isEqualTo("tnum-cgo22\npolymorphic-kfuncs-lsfmm24");
    }

    @Test
    void polymorphicPaperQuickRunWritesResults(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("papers", "run", "polymorphic-kfuncs-lsfmm24", "--quick", "--json", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"holds\" : true").doesNotContain("\"holds\" : false").contains("\"POLYMORPHIC\"");
        assertThat(Files.readString(dir.resolve("RESULTS.md"))).contains("**Summary:** 3 of 3 claims hold");
        assertThat(dir.resolve("dispatch.png")).exists();
    }

    @Test
    void missingFileIsBadInput() {
        Cli r = Cli.run("kernel", "load", "no-such-file.s", "--type", "xdp");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("kflab: no-such-file.s: no such file");
    }

    @Test
    void assemblyErrorNamesLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.s");
        Files.writeString(f, "r0 = 0\nr0 += w1\nexit\n");
        Cli r = Cli.run("kernel", "load", f.toString(), "--type", "socket_filter");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("kflab: " + f + ":2:7: expected a r-register like the destination, found w1");
    }

    @Test
    void bytecodeOfWrongLengthNamesTheByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("prog.bin");
        Files.write(f, new byte[12]);
        Cli r = Cli.run("kernel", "load", f.toString(), "--type", "socket_filter");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(f + ": byte 12: expected bytecode");
    }

    @Test
    void kernelRejectsUninitialisedR2WithEacces() throws Exception {
        KernelAssumptions.assumeBpf();
        Cli r = Cli.run("kernel", "load", EXAMPLES.resolve("uninit_r2.s").toString(), "--type", "socket_filter", "--json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        assertThat(j.get("accepted").asBoolean()).isFalse();
        assertThat(j.get("errno").asText()).isEqualTo("EACCES");
        assertThat(j.get("log").asText()).contains("R2 !read_ok");
        assertThat(j.get("insnsProcessed").asInt()).isEqualTo(1);
    }

    @Test
    void kernelRunReturnsTheIpv4LengthAndCountsInTheMap() throws Exception {
        KernelAssumptions.assumeBpf();
        String frame = "000000000000000000000000080045000054000000004006" + "00".repeat(20);
        Cli len = Cli.run("kernel", "run", EXAMPLES.resolve("ipv4_len.s").toString(), "--type", "sched_cls", "--data", frame, "--json");
        assertThat(len.exit()).as(len.err()).isZero();
        assertThat(JsonMixin.MAPPER.readTree(len.out()).get("retval").asLong()).isEqualTo(0x54);
        Cli count = Cli.run("kernel", "run", EXAMPLES.resolve("count_by_proto.s").toString(), "--type", "sched_cls",
                "--map", "counts=array:4:8:256", "--data", frame, "--repeat", "7", "--json");
        assertThat(count.exit()).as(count.err()).isZero();
        // protocol 6 (TCP) counted 7 times
        assertThat(JsonMixin.MAPPER.readTree(count.out()).at("/maps/counts/06000000").asText()).isEqualTo("0700000000000000");
    }

    @Test
    void structOpsAttachResolvesMembersFromBtf(@TempDir Path dir) throws Exception {
        KernelAssumptions.assumeBpf();
        Path ret0 = dir.resolve("ret0.s");
        Files.writeString(ret0, "r0 = 0\nexit\n");
        Cli ok = Cli.run("kernel", "load", ret0.toString(), "--type", "struct_ops", "--attach", "bpf_dummy_ops:test_1");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        Cli nonGpl = Cli.run("kernel", "load", ret0.toString(), "--type", "struct_ops", "--attach",
                "tcp_congestion_ops:ssthresh", "--license", "Proprietary", "--json");
        assertThat(nonGpl.exit()).isEqualTo(1);
        assertThat(nonGpl.out()).contains("EINVAL").contains("GPL compatible license");
        Cli bad = Cli.run("kernel", "load", EXAMPLES.resolve("uninit_r2.s").toString(), "--type", "struct_ops",
                "--attach", "tcp_congestion_ops:no_such_member");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("struct tcp_congestion_ops has no member 'no_such_member'").contains("cong_avoid");
    }

    @Test
    void btfKfuncsListsEveryTaggedFunction() throws Exception {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no " + Btf.VMLINUX + ": not a BTF-enabled Linux");
        Cli r = Cli.run("btf", "kfuncs", "--json");
        assertThat(r.exit()).isZero();
        JsonNode list = JsonMixin.MAPPER.readTree(r.out());
        assertThat(list.size()).isEqualTo(Btf.vmlinux().kfuncs().size());
        assertThat(list.findValuesAsText("name")).contains("bpf_task_acquire", "bpf_rcu_read_lock");
    }

    @Test
    void btfTypeRendersAStructWithOffsets() {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no " + Btf.VMLINUX + ": not a BTF-enabled Linux");
        Cli r = Cli.run("btf", "type", "bpf_dummy_ops");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("struct bpf_dummy_ops {").contains("(*test_1)").contains("/* off 0, size 8 */");
        assertThat(Cli.run("btf", "type", "no_such_type_anywhere").exit()).isEqualTo(2);
    }

    @Test
    void demoRunsEndToEnd() throws Exception {
        KernelAssumptions.assumeBpf();
        Cli r = Cli.run("demo", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMixin.MAPPER.readTree(r.out());
        assertThat(j.at("/kernel/accepted").asBoolean()).isTrue();
        assertThat(j.at("/kernel/counts/tcp").asLong()).isEqualTo(3000);
        assertThat(j.at("/kernel/rejected/message").asText()).isEqualTo("R2 !read_ok");
        assertThat(j.at("/program/kernelSyntax").asText()).contains("(85) call bpf_map_lookup_elem#1");
        assertThat(j.at("/catalog/agree").asLong()).isGreaterThanOrEqualTo((long) (0.98 * j.at("/catalog/cells").asLong()));
    }
}
