package io.kflab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.sys.KernelAssumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kflab catalog and corpus on the real trees (fetched through the corpus) and the running kernel. */
class CatalogCliTest {
    @BeforeAll
    static void corpora() {
        boolean apt = Files.isExecutable(Path.of("/usr/bin/apt-get"));
        assumeTrue(apt && "root".equals(System.getProperty("user.name")),
                "kernel corpora come from apt-get download as root; not available here");
        Cli r = Cli.run("corpus", "fetch", "linux-6.1", "linux-6.12", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static JsonNode json(Cli r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        return JsonMixin.MAPPER.readTree(r.out());
    }

    @Test
    void predictedMatrixAgreesWithTheRunningKernel() throws Exception {
        KernelAssumptions.assumeBpf();
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no kernel BTF");
        JsonNode m = json(Cli.run("catalog", "matrix", "--probe", "--json"));
        long cells = m.get("cells").asLong();
        assertThat(cells).isEqualTo(m.get("kfuncs").asLong() * m.get("contexts").asLong());
        // 0.98: kernel builds that deny the arena kfuncs everywhere (195 cells) stay above it (docs/catalog.md)
        assertThat(m.get("agree").asDouble() / cells).as("agreement").isGreaterThanOrEqualTo(0.98);
        assertThat(m.get("disagreements").size()).isEqualTo(cells - m.get("agree").asLong());
        for (JsonNode d : m.get("disagreements")) assertThat(d.get("reason").asText()).isNotBlank();
    }

    @Test
    void diffOf61And612NamesRemovalsAsBreakingAndAdditionsAsCompatible() throws Exception {
        Cli r = Cli.run("catalog", "diff", "linux-6.1", "linux-6.12");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("linux-6.1 -> linux-6.12:")
                .containsPattern("BREAKING +REMOVED +bpf_kfunc_call_test1:")
                .containsPattern("COMPATIBLE +ADDED +bpf_cpumask_create:");
    }

    @Test
    void showGivesFlagsAndWhereAKfuncMayBeCalledFrom() throws Exception {
        JsonNode s = json(Cli.run("catalog", "show", "bpf_task_acquire", "--catalog", "linux-6.12", "--json"));
        assertThat(s.get("flags").asText()).contains("KF_ACQUIRE").contains("KF_RET_NULL");
        assertThat(s.get("sources").toString()).contains("kernel/bpf/helpers.c");
    }

    @Test
    void designFilesAreCatalogs() throws Exception {
        JsonNode s = json(Cli.run("catalog", "show", "scx_bpf_dsq_insert", "--catalog",
                "../examples/designs/vernet-polymorphic-dsq-insert.kfl", "--json"));
        assertThat(s.get("callableFrom").toString()).contains("sched_ext_ops.select_cpu", "sched_ext_ops.enqueue",
                "sched_ext_ops.dispatch").doesNotContain("sched_ext_ops.tick");
        Cli bad = Cli.run("catalog", "list", "--catalog", "../examples/designs/include/../../designs/no-such.kfl");
        assertThat(bad.exit()).isEqualTo(2);
    }

    @Test
    void malformedDesignNamesFileLineAndColumn(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.kfl");
        Files.writeString(f, "design \"x\";\nkfunc int foo(int a KF_BOGUS;\n");
        Cli r = Cli.run("catalog", "list", "--catalog", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("kflab: " + f + ":2:").contains("expected a kfunc prototype").doesNotContain("\n");
    }

    @Test
    void unfamiliarSourceFormsAreWarningsWithFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kernel"));
        Files.writeString(dir.resolve("kernel/odd.c"), String.join("\n",
                "BTF_KFUNCS_START(x)", "BTF_ID_FLAGS(func, bpf_a, KF_ACQUIRE)", "BTF_KFUNCS_END(x)",
                "static const struct btf_kfunc_id_set y = { .set = &x };",
                "int f(void) { return register_btf_kfunc_id_set(MY_TYPE, &y); }", ""));
        Cli r = Cli.run("catalog", "list", "--catalog", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("bpf_a").contains("KF_ACQUIRE");
        assertThat(r.err()).contains("warning: ").contains("kernel/odd.c:5:").contains("MY_TYPE");
    }

    @Test
    void unknownCatalogAndUnknownKfuncAreBadInput() {
        Cli bad = Cli.run("catalog", "list", "--catalog", "linux-2.6");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).doesNotContain("\n");
        Cli none = Cli.run("catalog", "show", "bpf_no_such_kfunc", "--catalog", "linux-6.12");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("bpf_no_such_kfunc");
    }
}
