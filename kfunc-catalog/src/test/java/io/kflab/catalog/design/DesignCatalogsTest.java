package io.kflab.catalog.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.Fixtures;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.dsl.Design;
import io.kflab.catalog.dsl.DesignLoader;
import io.kflab.catalog.filter.Filter;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.SetEntry;
import io.kflab.catalog.matrix.Callability;
import io.kflab.catalog.matrix.Decision;
import io.kflab.catalog.matrix.DefaultContexts;
import io.kflab.catalog.matrix.Verdict;
import io.kflab.catalog.provenance.Source;
import io.kflab.catalog.structops.OpsMember;
import io.kflab.catalog.structops.Resolution;
import io.kflab.catalog.structops.StructOpsType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/** Designs become catalogs overlaid on their base; the predicted callability follows their resolution designs. */
class DesignCatalogsTest {
    /** kernel → the 6.18-like fixture; source "linux-6.12" → tables of 6.12; no extends → tables of 6.12; .kfl → recursion. */
    static final Function<BaseRef, Catalog> BASES = DesignCatalogs.resolver(Fixtures::kernel,
            tree -> Catalog.builder(tree).version("6.12").kfunc(Kfunc.named("bpf_rcu_read_lock").build()).build(),
            () -> Catalog.builder("").version("6.12").build());

    private static final Map<String, Catalog> CONVERTED = new HashMap<>();

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("examples/designs");
            if (Files.isDirectory(d)) return d;
        }
        throw new IllegalStateException("examples/designs not found above the working directory");
    }

    static List<Path> examples() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".kfl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Catalog example(String file) {
        return CONVERTED.computeIfAbsent(file, f -> DesignCatalogs.toCatalog(DesignLoader.load(dir().resolve(f)), BASES));
    }

    static Decision decide(Catalog c, String kfunc, String member) {
        return Callability.of(c).decide(kfunc, CallingContext.structOps("sched_ext_ops", member));
    }

    // ---- every example

    @Test void everyExampleConvertsAndEveryOwnFactNamesItsDesignLine() {
        assertThat(examples()).hasSize(5);
        for (Path p : examples()) {
            Design d = DesignLoader.load(p);
            Catalog c = example(p.getFileName().toString());
            for (var k : d.all(io.kflab.catalog.dsl.Decl.Kfunc.class)) {
                assertThat(c.kfuncs().get(k.name()).sources()).as(k.name())
                        .contains(Source.design(k.loc().file(), k.loc().line()));
            }
            for (var s : d.all(io.kflab.catalog.dsl.Decl.KfuncSet.class)) {
                assertThat(c.sets().get(s.name().text()).sources()).as(s.name().text())
                        .contains(Source.design(s.loc().file(), s.loc().line()));
                for (var e : s.entries()) {
                    assertThat(c.sets().get(s.name().text()).entry(e.kfunc().text()).orElseThrow().sources())
                            .containsExactly(Source.design(e.loc().file(), e.loc().line()));
                }
            }
            for (var r : d.all(io.kflab.catalog.dsl.Decl.Register.class)) {
                assertThat(c.registrations().stream().filter(x -> x.set().equals(r.set().text()))
                        .flatMap(x -> x.sources().stream())).as(r.set().text()).contains(Source.design(r.loc().file(), r.loc().line()));
            }
            // the predicted matrix can be computed for every example
            Callability cb = Callability.of(c);
            for (String k : c.kfuncs().keySet()) for (CallingContext x : DefaultContexts.of(c)) assertThat(cb.decide(k, x)).isNotNull();
        }
    }

    // ---- sched_ext 6.12: run-time mask

    @Test void runtimeMaskDesignKeepsMembersClassesAndTable() {
        Catalog c = example("sched_ext-6.12-runtime-mask.kfl");
        StructOpsType t = c.structOps().get("sched_ext_ops");
        assertThat(t.design()).contains(Resolution.RUNTIME_MASK);
        assertThat(t.classes()).containsExactly("UNLOCKED", "CPU_RELEASE", "DISPATCH", "ENQUEUE", "SELECT_CPU", "REST");
        assertThat(t.member("select_cpu").orElseThrow().contextClasses()).containsExactly("SELECT_CPU", "ENQUEUE");
        assertThat(t.member("select_cpu").orElseThrow().prototype().orElseThrow().render("select_cpu"))
                .isEqualTo("s32 select_cpu(struct task_struct *p, s32 prev_cpu, u64 wake_flags)");
        OpsMember cgInit = t.member("cgroup_init").orElseThrow();
        assertThat(cgInit.condition()).contains("CONFIG_EXT_GROUP_SCHED");
        assertThat(cgInit.sleepable()).isEqualTo(io.kflab.catalog.context.Truth.TRUE);
        OpsMember timeout = t.member("timeout_ms").orElseThrow();
        assertThat(timeout.callback()).isFalse();
        assertThat(timeout.prototype().orElseThrow().returnType()).isEqualTo("u32");
        assertThat(t.allows()).hasSize(7);
        assertThat(t.allows().get(1).sets()).containsExactly("scx_kfunc_ids_enqueue_dispatch");
        assertThat(t.allows().get(2).kfuncs()).containsExactlyInAnyOrder("scx_bpf_dispatch_nr_slots", "scx_bpf_dispatch_cancel", "scx_bpf_consume");
        assertThat(DefaultContexts.of(c)).noneMatch(x -> x.displayName().contains("timeout_ms"));

        SetEntry cg = c.sets().get("scx_kfunc_ids_any").entry("scx_bpf_task_cgroup").orElseThrow();
        assertThat(cg.condition()).contains("CONFIG_CGROUP_SCHED");
        assertThat(cg.flags().describe()).isEqualTo("KF_ACQUIRE|KF_RCU");
        assertThat(c.registrations().stream().filter(r -> r.set().equals("scx_kfunc_ids_any")).map(Registration::target))
                .containsExactly("struct_ops", "tracing", "syscall");
        assertThat(c.kfuncs().get("scx_bpf_exit_bstr").prototype().orElseThrow().params().get(3).name()).isEqualTo("data__sz");
    }

    @Test void runtimeMaskAllowsAtLoadFromEveryMemberWithTheRunTimeReason() {
        Catalog c = example("sched_ext-6.12-runtime-mask.kfl");
        Callability cb = Callability.of(c);
        List<CallingContext> members = DefaultContexts.of(c).stream().filter(x -> x.structOps().isPresent()).toList();
        assertThat(members).hasSize(33);
        for (CallingContext x : members) {
            Decision d = cb.decide("scx_bpf_dispatch", x);
            assertThat(d.verdict()).as(x.displayName()).isEqualTo(Verdict.ALLOW);
            assertThat(d.reason()).as(x.displayName()).startsWith("allowed at load; checked at run time by kf_mask (RUNTIME_MASK)")
                    .contains("class table of sched_ext_ops needs context class in {DISPATCH, ENQUEUE}", "scx_kfunc_ids_enqueue_dispatch");
        }
        assertThat(decide(c, "scx_bpf_dispatch", "tick").reason()).contains("which fails here");
        assertThat(decide(c, "scx_bpf_dispatch", "enqueue").reason()).contains("which holds here");
        // outside struct_ops the table says nothing; the registration decides
        assertThat(cb.decide("scx_bpf_dispatch", CallingContext.of(ProgType.SYSCALL)).verdict()).isEqualTo(Verdict.DENY);
        Decision kick = cb.decide("scx_bpf_kick_cpu", CallingContext.of(ProgType.TRACING));
        assertThat(kick.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(kick.reason()).startsWith("registered for TRACING hook by set scx_kfunc_ids_any");
        // KF_SLEEPABLE still applies after the mask
        assertThat(decide(c, "scx_bpf_create_dsq", "dispatch").verdict()).isEqualTo(Verdict.SLEEPABLE_ONLY);
        assertThat(cb.decide("scx_bpf_create_dsq", CallingContext.structOps("sched_ext_ops", "init").asSleepable()).verdict())
                .isEqualTo(Verdict.ALLOW);
    }

    // ---- sched_ext 7.1: load-time filter

    @Test void loadFilterDesignDecidesAtLoadPerMember() {
        Catalog c = example("sched_ext-7.1-load-filter.kfl");
        assertThat(c.structOps().get("sched_ext_ops").design()).contains(Resolution.LOAD_FILTER);
        Filter f = c.filters().get("scx_kfunc_context_filter");
        assertThat(f.rules().get(1).sets()).containsExactly("scx_kfunc_ids_dispatch");
        assertThat(f.sources()).hasSize(1);

        Decision fromDispatch = decide(c, "scx_bpf_dsq_move_to_local", "dispatch");
        assertThat(fromDispatch.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(fromDispatch.reason()).contains("registered for STRUCT_OPS hook by set scx_kfunc_ids_dispatch");
        Decision fromEnqueue = decide(c, "scx_bpf_dsq_move_to_local", "enqueue");
        assertThat(fromEnqueue.verdict()).isEqualTo(Verdict.DENY);
        assertThat(fromEnqueue.reason()).startsWith("filter scx_kfunc_context_filter denies at hook STRUCT_OPS")
                .contains("context class in {DISPATCH}", "sched_ext-7.1-load-filter.kfl:");
        // a member without a class may call only the "any" kfuncs
        assertThat(decide(c, "scx_bpf_dsq_insert", "tick").verdict()).isEqualTo(Verdict.DENY);
        assertThat(decide(c, "scx_bpf_kick_cpu", "tick").verdict()).isEqualTo(Verdict.ALLOW);
        // dispatch is ENQUEUE | DISPATCH in 7.1
        assertThat(decide(c, "scx_bpf_dsq_insert", "dispatch").verdict()).isEqualTo(Verdict.ALLOW);
        Callability cb = Callability.of(c);
        assertThat(cb.decide("scx_bpf_select_cpu_dfl", CallingContext.of(ProgType.SYSCALL)).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(cb.decide("scx_bpf_dsq_move", CallingContext.of(ProgType.TRACING)).verdict()).isEqualTo(Verdict.DENY);
    }

    // ---- Vernet: polymorphic dsq_insert

    @Test void vernetFamilyResolvesPerMember() {
        Catalog c = example("vernet-polymorphic-dsq-insert.kfl");
        for (String m : List.of("select_cpu", "enqueue")) {
            Decision d = decide(c, "scx_bpf_dsq_insert", m);
            assertThat(d.verdict()).as(m).isEqualTo(Verdict.ALLOW);
            assertThat(d.reason()).as(m).startsWith("resolves to variant scx_bpf_dsq_insert_direct of family scx_bpf_dsq_insert")
                    .contains("scx_kfunc_ids_dsq_insert");
        }
        Decision dispatch = decide(c, "scx_bpf_dsq_insert", "dispatch");
        assertThat(dispatch.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(dispatch.reason()).startsWith("resolves to variant scx_bpf_dsq_insert_buffered");
        Decision tick = decide(c, "scx_bpf_dsq_insert", "tick");
        assertThat(tick.verdict()).isEqualTo(Verdict.DENY);
        assertThat(tick.reason()).startsWith("no variant of family scx_bpf_dsq_insert matches struct_ops/sched_ext_ops.tick: denied at load");
        // the concrete bodies are hidden
        Decision direct = decide(c, "scx_bpf_dsq_insert_direct", "enqueue");
        assertThat(direct.verdict()).isEqualTo(Verdict.DENY);
        assertThat(direct.reason()).contains("hidden entry of set scx_kfunc_ids_dsq_insert", "callable only as the variant of a family");
        assertThat(c.sets().get("scx_kfunc_ids_dsq_insert").entry("scx_bpf_dsq_insert_direct").orElseThrow().hidden()).isTrue();
        // remove set: the set, its registrations and the class-table row naming it are gone; the rest of the base stays
        assertThat(c.sets()).doesNotContainKey("scx_kfunc_ids_enqueue_dispatch").containsKey("scx_kfunc_ids_any");
        assertThat(c.registrations()).noneMatch(r -> r.set().equals("scx_kfunc_ids_enqueue_dispatch"));
        StructOpsType t = c.structOps().get("sched_ext_ops");
        assertThat(t.allows()).hasSize(6).noneMatch(r -> r.sets().contains("scx_kfunc_ids_enqueue_dispatch"));
        assertThat(t.design()).contains(Resolution.RUNTIME_MASK);
        assertThat(c.families().get("scx_bpf_dsq_insert").variants().getFirst().when().describe())
                .isEqualTo("(struct_ops type is sched_ext_ops) and (struct_ops member in {enqueue, select_cpu})");
        assertThat(c.name()).isEqualTo("sched_ext-6.12-runtime-mask + vernet-polymorphic-dsq-insert");
    }

    // ---- 6.13 renames

    @Test void renamesDesignOverridesSetsAndAddsRenames() {
        Catalog c = example("sched_ext-6.13-renames.kfl");
        assertThat(c.renames()).hasSize(7).allMatch(r -> r.since().equals("6.13"));
        assertThat(c.renames()).anyMatch(r -> r.oldName().equals("scx_bpf_consume") && r.newName().equals("scx_bpf_dsq_move_to_local"));
        var dispatch = c.sets().get("scx_kfunc_ids_dispatch");
        assertThat(dispatch.entries()).hasSize(12);
        assertThat(dispatch.sources()).singleElement().satisfies(s -> assertThat(s.describe()).contains("sched_ext-6.13-renames.kfl:"));
        assertThat(decide(c, "scx_bpf_dsq_move_to_local", "dispatch").verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decide(c, "scx_bpf_dsq_insert", "enqueue").verdict()).isEqualTo(Verdict.ALLOW);
        // base facts the design does not touch stay
        assertThat(c.structOps().get("sched_ext_ops").members()).hasSize(38);
    }

    // ---- GPIO over a kernel base

    @Test void gpioDesignOverlaysTheKernelAndFiltersInline() {
        Catalog c = example("gpio-driver-struct-ops.kfl");
        assertThat(c.name()).isEqualTo("fixture + gpio-driver-struct-ops");
        assertThat(c.kfuncs()).containsKeys("bpf_task_acquire", "bpf_gpio_set_value");
        assertThat(c.sets().get("gpio_kfunc_ids").filter()).contains("gpio_kfunc_ids.filter");
        assertThat(c.structOps().get("gpio_bpf_ops").member("init").orElseThrow().prototype().orElseThrow().params().getFirst().name())
                .isEqualTo("gc__nullable");
        Callability cb = Callability.of(c);
        CallingContext set = CallingContext.structOps("gpio_bpf_ops", "set");
        CallingContext init = CallingContext.structOps("gpio_bpf_ops", "init").asSleepable();
        assertThat(cb.decide("bpf_gpio_set_value", set).verdict()).isEqualTo(Verdict.ALLOW);
        Decision denied = cb.decide("bpf_gpio_set_value", init);
        assertThat(denied.verdict()).isEqualTo(Verdict.DENY);
        assertThat(denied.reason()).contains("filter gpio_kfunc_ids.filter denies", "context class in {ATOMIC}");
        assertThat(cb.decide("bpf_gpio_set_value_cansleep", init).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(cb.decide("bpf_gpio_set_value_cansleep", set).verdict()).isEqualTo(Verdict.DENY);
        assertThat(cb.decide("bpf_gpio_get_value", set).verdict()).isEqualTo(Verdict.ALLOW);
        // the inline filter is scoped to gpio_bpf_ops: a sched_ext member is not let through
        assertThat(cb.decide("bpf_gpio_get_value", CallingContext.structOps("sched_ext_ops", "dispatch")).verdict()).isEqualTo(Verdict.DENY);
    }

    // ---- class table with LOAD_FILTER

    @Test void loadFilterClassTableDeniesAtLoadFromOtherClasses() {
        Catalog c = convert("""
                design "t";
                struct_ops ops {
                    design LOAD_FILTER;
                    class A, B;
                    void a(int x) class A;
                    void b(int x) class B;
                    allow f when class A;
                }
                kfunc void f(int x);
                kfunc void g(int x);
                set s { f; g; }
                register set s for struct_ops;
                """);
        Callability cb = Callability.of(c);
        Decision a = cb.decide("f", CallingContext.structOps("ops", "a"));
        assertThat(a.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(a.reason()).contains("allowed at load by the class table of ops (LOAD_FILTER)");
        Decision b = cb.decide("f", CallingContext.structOps("ops", "b"));
        assertThat(b.verdict()).isEqualTo(Verdict.DENY);
        assertThat(b.reason()).isEqualTo("denied at load (LOAD_FILTER): class table of ops needs context class in {A} (t.kfl:2)");
        assertThat(cb.decide("g", CallingContext.structOps("ops", "b")).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test void registrationForAHookUsesAProgramTypeOfThatHook() {
        Catalog c = DesignCatalogs.toCatalog(DesignLoader.load("""
                design "t";
                extends source "linux-6.12";
                kfunc void f(int x);
                set s { f; }
                register set s for tc, common, BPF_PROG_TYPE_XDP, fmodret;
                """, "t.kfl"), BASES);
        assertThat(c.registrations()).extracting(Registration::target).containsExactly("sched_cls", "unspec", "xdp", "fmodret");
        assertThat(c.kfuncs()).containsKey("bpf_rcu_read_lock");
        assertThat(Callability.of(c).decide("f", CallingContext.of(ProgType.SCHED_CLS)).reason()).contains("COMMON hook");
    }

    // ---- errors deferred to conversion (kernel base)

    @Test void unknownNamesOverAKernelBaseAreErrorsAtTheirPlace() {
        assertError("""
                design "t";
                extends kernel;
                set s { bpf_task_acquire; nope_kfunc KF_RCU; }
                """, "nope_kfunc", "unknown kfunc 'nope_kfunc' in an entry of set 's'");
        assertError("""
                design "t";
                extends kernel;
                register set nope_set for tracing;
                """, "nope_set", "unknown set 'nope_set' in a registration");
        assertError("""
                design "t";
                extends kernel;
                set s { bpf_task_acquire; filter nope_filter; }
                """, "nope_filter", "unknown filter 'nope_filter' of set 's'");
        assertError("""
                design "t";
                extends kernel;
                register set generic_btf_ids for nowhere;
                """, "nowhere", "unknown program type or hook 'nowhere'");
        assertError("""
                design "t";
                extends kernel;
                remove set nope_set;
                """, "nope_set", "unknown reference: the base catalog 'fixture' defines no set 'nope_set' to remove");
        assertError("""
                design "t";
                extends kernel;
                override kfunc void nope(int x);
                """, "void nope", "'override kfunc nope' but the base catalog 'fixture' does not define it");
        assertError("""
                design "t";
                extends kernel;
                rename old_name -> nope_new;
                """, "nope_new", "unknown kfunc 'nope_new' in the new name of a rename");
    }

    @Test void variantsAndPredicatesOverAKernelBaseAreCheckedAgainstItsStructOps() {
        assertError("""
                design "t";
                extends kernel;
                family scx_bpf_dsq_insert for sched_ext_ops {
                    variant nope_direct when member == dispatch;
                }
                """, "nope_direct", "unknown kfunc 'nope_direct' in a variant of family 'scx_bpf_dsq_insert'");
        assertError("""
                design "t";
                extends kernel;
                family scx_bpf_dsq_insert for sched_ext_ops {
                    variant bpf_task_acquire when member == zz;
                }
                """, "zz", "unknown member 'zz' of struct_ops type 'sched_ext_ops'; expected one of (select_cpu, dispatch, tick, init)");
        assertError("""
                design "t";
                extends kernel;
                family scx_bpf_dsq_insert for sched_ext_ops {
                    variant bpf_task_acquire when member == dispatch and class UNLOCKED;
                }
                """, "member == dispatch", "the predicate of variant 'bpf_task_acquire' can match no calling context: "
                + "no member of struct_ops type 'sched_ext_ops' satisfies");
        assertError("""
                design "t";
                extends kernel;
                family scx_bpf_dsq_insert for nope_ops {
                    variant bpf_task_acquire when true;
                }
                """, "nope_ops", "unknown struct_ops type 'nope_ops'");
        assertError("""
                design "t";
                extends kernel;
                filter f for sched_ext_ops { allow bpf_task_acquire when class NOPE; }
                """, "NOPE", "unknown class 'NOPE' of struct_ops type 'sched_ext_ops'");
    }

    // ---- invariants

    /** The designs that only add (no remove, no override). */
    @Provide Arbitrary<String> additive() {
        return net.jqwik.api.Arbitraries.of("sched_ext-6.12-runtime-mask.kfl", "sched_ext-7.1-load-filter.kfl", "gpio-driver-struct-ops.kfl");
    }

    @Provide Arbitrary<Catalog> bases() {
        return Fixtures.catalogs("zz");
    }

    /** Converting an additive design over base B is B overlaid with the design converted over nothing. */
    @Property(tries = 30)
    void conversionIsOverlayOfTheDesignsOwnFacts(@ForAll("additive") String file, @ForAll("bases") Catalog base) {
        Design d = DesignLoader.load(dir().resolve(file));
        Catalog alone = DesignCatalogs.toCatalog(d, r -> Catalog.empty());
        assertThat(DesignCatalogs.toCatalog(d, r -> base)).isEqualTo(base.overlay(alone));
        assertThat(Catalog.empty().overlay(alone)).isEqualTo(alone);
    }

    /** Conversion is deterministic and a converted design overlaid on itself is unchanged. */
    @Test void conversionIsDeterministicAndIdempotentUnderOverlay() {
        for (Path p : examples()) {
            Catalog a = DesignCatalogs.toCatalog(DesignLoader.load(p), BASES);
            assertThat(DesignCatalogs.toCatalog(DesignLoader.load(p), BASES)).isEqualTo(a);
            assertThat(a.overlay(a).kfuncs()).isEqualTo(a.kfuncs());
            assertThat(a.overlay(a).sets()).isEqualTo(a.sets());
            assertThat(a.overlay(a).structOps()).isEqualTo(a.structOps());
        }
    }

    // ---- helpers

    private static Catalog convert(String text) {
        return DesignCatalogs.toCatalog(DesignLoader.load(text, "t.kfl"), BASES);
    }

    private static void assertError(String text, String needle, String message) {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> convert(text));
        assertThat(e).as("an error for:\n" + text).isNotNull();
        assertThat(e.location()).as(e.oneLine()).isEqualTo(at(text, needle));
        assertThat(e.getMessage()).contains(message);
        assertThat(e.oneLine()).doesNotContain("\n");
    }

    private static String at(String text, String needle) {
        int i = text.indexOf(needle, text.indexOf("extends"));
        assertThat(i).as("needle " + needle).isNotNegative();
        int line = 1 + (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count();
        int col = i - text.lastIndexOf('\n', i - 1);
        return "t.kfl:" + line + ":" + col;
    }
}
