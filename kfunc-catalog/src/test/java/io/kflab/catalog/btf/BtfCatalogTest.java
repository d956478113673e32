package io.kflab.catalog.btf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.CatalogQueries;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.filter.FilterData;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.matrix.Matrix;
import io.kflab.catalog.matrix.Verdict;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BtfCatalogTest {
    private static Btf btf;
    private static Catalog cat;

    @BeforeAll static void load() throws Exception {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no /sys/kernel/btf/vmlinux: not a BTF-enabled Linux");
        btf = Btf.vmlinux();
        cat = BtfCatalog.from(btf, "running kernel", Optional.of(System.getProperty("os.version")));
    }

    @Test void everyTaggedKfuncIsInTheCatalogWithUnknownFlags() {
        assertThat(cat.kfuncs()).hasSize(btf.kfuncs().size()).isNotEmpty();
        for (Kfunc k : cat.kfuncs().values()) {
            assertThat(k.flags()).isEqualTo(KfFlags.unknownBtfOnly());
            assertThat(k.btfId()).isPresent();
            assertThat(btf.name(k.btfId().getAsInt())).isEqualTo(k.name());
            assertThat(k.prototype()).as(k.name()).isPresent();
        }
        assertThat(new CatalogQueries(cat).list()).allSatisfy(r -> {
            assertThat(r.flags()).isEqualTo("unknown (BTF only)");
            assertThat(r.hooks()).containsExactly("unknown");
        });
    }

    @Test void prototypesFastcallAndStructOpsComeFromBtf() {
        Optional<Kfunc> acquire = cat.kfunc("bpf_task_acquire");
        assumeTrue(acquire.isPresent(), "kernel without bpf_task_acquire");
        assertThat(acquire.get().prototype().orElseThrow().render("bpf_task_acquire"))
                .isEqualTo("struct task_struct *bpf_task_acquire(struct task_struct *p)");
        long fastcalls = cat.kfuncs().values().stream().filter(Kfunc::fastcall).count();
        assertThat(fastcalls).isEqualTo(btf.funcsTagged(Btf.FASTCALL_TAG).stream().filter(id -> cat.kfuncs().containsKey(btf.name(id))).count());
        cat.kfunc("bpf_cast_to_kern_ctx").ifPresent(k -> assertThat(k.fastcall()).isTrue());
        assertThat(cat.kfuncs().values().stream().filter(k -> !k.fastcall()).count()).isPositive();
        if (cat.structOps().containsKey("tcp_congestion_ops")) {
            var ca = cat.structOps().get("tcp_congestion_ops").member("cong_avoid").orElseThrow();
            assertThat(ca.prototype().orElseThrow().params()).hasSize(3);
        }
    }

    @Test void withThe618FiltersTheMatrixDecidesWhatItCan() {
        Catalog withFilters = cat.overlay(FilterData.linux618());
        CatalogQueries q = new CatalogQueries(withFilters);
        if (withFilters.kfuncs().containsKey("bpf_session_cookie")) {
            assertThat(q.decide("bpf_session_cookie", CallingContext.of(ProgType.KPROBE)).verdict()).isEqualTo(Verdict.DENY);
            assertThat(q.decide("bpf_session_cookie", CallingContext.of(ProgType.KPROBE, AttachType.TRACE_KPROBE_SESSION)).verdict())
                    .isEqualTo(Verdict.ALLOW);
        }
        Matrix m = q.matrix(); // its speed is CatalogBench's to measure
        m.rows().forEach(r -> r.cells().forEach(c -> assertThat(c.reason()).isNotBlank()));
        assertThat(m.count("xdp", Verdict.UNKNOWN)).isPositive();
    }
}
