package io.kflab.catalog.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every example design in examples/designs loads without errors and says what it should. */
class DesignExamplesTest {
    private static Design load(String name) {
        return DesignLoader.load(Examples.dir().resolve(name));
    }

    @Test
    void everyExampleLoads() {
        List<Path> designs = Examples.designs();
        assertThat(designs).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : designs) {
            Design d = DesignLoader.load(p);
            assertThat(d.warnings()).as(p + " warnings").isEmpty();
        }
    }

    @Test
    void runtimeMaskHasTheKfMaskTable() {
        Design d = load("sched_ext-6.12-runtime-mask.kfl");
        assertThat(d.includes()).hasSize(1);
        Decl.StructOps ops = d.all(Decl.StructOps.class).getFirst();
        assertThat(ops.design().orElseThrow().text()).isEqualTo("RUNTIME_MASK");
        assertThat(ops.member("select_cpu").orElseThrow().classes()).extracting(Name::text)
                .containsExactly("SELECT_CPU", "ENQUEUE");
        assertThat(ops.member("init_task").orElseThrow().sleepable()).isTrue();
        assertThat(ops.member("timeout_ms").orElseThrow().function()).isFalse();
        assertThat(ops.allows()).hasSize(7);
        assertThat(d.all(Decl.KfuncSet.class)).extracting(s -> s.name().text()).contains("scx_kfunc_ids_select_cpu",
                "scx_kfunc_ids_enqueue_dispatch", "scx_kfunc_ids_dispatch", "scx_kfunc_ids_cpu_release",
                "scx_kfunc_ids_unlocked", "scx_kfunc_ids_any");
        assertThat(d.main().all(Decl.Kfunc.class)).isEmpty();
        assertThat(d.includes().getFirst().all(Decl.Kfunc.class)).hasSizeGreaterThan(30);
    }

    @Test
    void loadFilterSharesOneFilter() {
        Design d = load("sched_ext-7.1-load-filter.kfl");
        assertThat(d.all(Decl.KfuncSet.class)).allSatisfy(s -> assertThat(s.filter()).get()
                .isInstanceOfSatisfying(SetFilter.Ref.class,
                        r -> assertThat(r.filter().text()).isEqualTo("scx_kfunc_context_filter")));
    }

    @Test
    void polymorphicExtendsTheRuntimeMaskDesign() {
        Design d = load("vernet-polymorphic-dsq-insert.kfl");
        assertThat(d.baseDesign()).get().extracting(Design::name).isEqualTo("sched_ext-6.12-runtime-mask");
        Decl.Family f = d.all(Decl.Family.class).getFirst();
        assertThat(f.variants()).extracting(v -> v.kfunc().text())
                .containsExactly("scx_bpf_dsq_insert_direct", "scx_bpf_dsq_insert_buffered");
    }

    @Test
    void renamesAndGpio() {
        assertThat(load("sched_ext-6.13-renames.kfl").all(Decl.Rename.class)).hasSize(7);
        Design gpio = load("gpio-driver-struct-ops.kfl");
        assertThat(gpio.openBase()).isTrue();
        assertThat(gpio.all(Decl.KfuncSet.class).getFirst().filter()).get().isInstanceOf(SetFilter.Inline.class);
    }
}
