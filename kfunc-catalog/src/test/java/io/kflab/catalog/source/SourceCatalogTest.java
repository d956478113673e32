package io.kflab.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.matrix.Callability;
import io.kflab.catalog.matrix.Verdict;
import io.kflab.catalog.scan.KfuncScanner;
import io.kflab.catalog.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceCatalogTest {
    // Two files that both call their id_set "common_kfunc_set", as kernel/bpf/helpers.c and arena.c do.
    private static final String HELPERS = """
            __bpf_kfunc struct foo *bpf_foo_acquire(struct foo *f) { return f; }
            BTF_KFUNCS_START(generic_ids)
            BTF_ID_FLAGS(func, bpf_foo_acquire, KF_ACQUIRE | KF_RET_NULL)
            #ifdef CONFIG_FOO_EXTRA
            BTF_ID_FLAGS(func, bpf_foo_extra)
            #endif
            BTF_KFUNCS_END(generic_ids)
            static const struct btf_kfunc_id_set common_kfunc_set = {
                .owner = THIS_MODULE,
                .set = &generic_ids,
            };
            static int __init init(void)
            {
                return register_btf_kfunc_id_set(BPF_PROG_TYPE_TRACING, &common_kfunc_set) ?:
                       register_btf_kfunc_id_set(BPF_PROG_TYPE_XDP, &common_kfunc_set);
            }
            """;
    private static final String ARENA = """
            BTF_KFUNCS_START(arena_ids)
            BTF_ID_FLAGS(func, bpf_bar_alloc, KF_SLEEPABLE)
            BTF_KFUNCS_END(arena_ids)
            static const struct btf_kfunc_id_set common_kfunc_set = {
                .owner = THIS_MODULE,
                .set = &arena_ids,
            };
            static int __init init(void)
            {
                return register_btf_kfunc_id_set(BPF_PROG_TYPE_UNSPEC, &common_kfunc_set);
            }
            """;

    private static ScanResult scan() {
        ScanResult a = KfuncScanner.scan("kernel/bpf/helpers.c", HELPERS);
        ScanResult b = KfuncScanner.scan("kernel/bpf/arena.c", ARENA);
        return new ScanResult(cat(a.sets(), b.sets()), cat(a.idSets(), b.idSets()), cat(a.registrations(), b.registrations()),
                cat(a.prototypes(), b.prototypes()), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <T> List<T> cat(List<T> x, List<T> y) {
        List<T> out = new ArrayList<>(x);
        out.addAll(y);
        return out;
    }

    @Test
    void registrationsFollowTheIdSetOfTheirOwnFile() {
        SourceCatalog.Result r = SourceCatalog.from(scan(), "fixture", "6.12");
        Catalog c = r.catalog();
        assertThat(r.warnings()).isEmpty();
        assertThat(c.registrations()).hasSize(3);
        Callability call = Callability.of(c);
        assertThat(call.decide("bpf_foo_acquire", CallingContext.of(ProgType.XDP)).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(call.decide("bpf_foo_acquire", CallingContext.of(ProgType.SOCKET_FILTER)).verdict()).isEqualTo(Verdict.DENY);
        // arena's set is COMMON: callable everywhere, but only sleepable
        assertThat(call.decide("bpf_bar_alloc", CallingContext.of(ProgType.SOCKET_FILTER)).verdict()).isEqualTo(Verdict.SLEEPABLE_ONLY);
        assertThat(call.decide("bpf_bar_alloc", CallingContext.of(ProgType.SYSCALL).asSleepable()).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void flagsConditionsPrototypesAndSourcesAreKept() {
        Catalog c = SourceCatalog.from(scan(), "fixture", "6.12").catalog();
        assertThat(c.kfunc("bpf_foo_acquire").orElseThrow().flags().describe()).isEqualTo("KF_ACQUIRE|KF_RET_NULL");
        assertThat(c.kfunc("bpf_foo_acquire").orElseThrow().prototype().orElseThrow().render("bpf_foo_acquire"))
                .contains("bpf_foo_acquire(struct foo *f)");
        assertThat(c.sets().get("generic_ids").entry("bpf_foo_extra").orElseThrow().condition()).hasValue("defined(CONFIG_FOO_EXTRA)");
        assertThat(c.kfunc("bpf_bar_alloc").orElseThrow().sources().getFirst().describe()).contains("kernel/bpf/arena.c:2");
    }
}
