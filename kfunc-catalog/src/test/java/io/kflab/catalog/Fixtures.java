package io.kflab.catalog;

import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.context.ContextPredicate;
import io.kflab.catalog.filter.Filter;
import io.kflab.catalog.filter.FilterRule;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.SetEntry;
import io.kflab.catalog.provenance.Source;
import io.kflab.catalog.structops.OpsMember;
import io.kflab.catalog.structops.StructOpsType;
import io.kflab.catalog.kfunc.Param;
import io.kflab.catalog.kfunc.Rename;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Small hand-made catalogs shaped like kernel facts (names only; no kernel code). */
public final class Fixtures {
    private Fixtures() {}

    public static Source at(String file, int line) {
        return Source.tree("fixture-6.18", file, line);
    }

    /** A 6.18-like source catalog: a COMMON set, a TRACING+SYSCALL set, a sleepable COMMON entry, fmodret, a sched_ext filter. */
    public static Catalog kernel() {
        return Catalog.builder("fixture").version("6.18")
                .kfunc(Kfunc.named("bpf_rcu_read_lock").flags(KfFlags.none()).prototype("void").build())
                .kfunc(Kfunc.named("bpf_task_acquire").flags("KF_ACQUIRE", "KF_RCU", "KF_RET_NULL")
                        .prototype("struct task_struct *", new Param("p", "struct task_struct *")).build())
                .kfunc(Kfunc.named("bpf_copy_from_user_str").flags("KF_SLEEPABLE")
                        .prototype("int", new Param("dst", "void *"), new Param("dst__sz", "u32"), new Param("unsafe_ptr__ign", "const void *"))
                        .build())
                .kfunc(Kfunc.named("bpf_modify_return_test").flags(KfFlags.none()).prototype("int", new Param("a", "int")).build())
                .kfunc(Kfunc.named("bpf_crash_kexec").flags("KF_DESTRUCTIVE").prototype("void").build())
                .kfunc(Kfunc.named("scx_bpf_dsq_insert").flags(KfFlags.none()).build())
                .kfunc(Kfunc.named("scx_bpf_kick_cpu").flags(KfFlags.none()).build())
                .set(KfuncSet.of("common_btf_ids", List.of(SetEntry.of("bpf_rcu_read_lock"),
                        SetEntry.of("bpf_copy_from_user_str", "KF_SLEEPABLE")), at("kernel/bpf/helpers.c", 10)))
                .set(KfuncSet.of("generic_btf_ids", List.of(SetEntry.of("bpf_task_acquire", "KF_ACQUIRE", "KF_RCU", "KF_RET_NULL"),
                        SetEntry.of("bpf_crash_kexec", "KF_DESTRUCTIVE").when("CONFIG_KEXEC_CORE")), at("kernel/bpf/helpers.c", 20)))
                .set(KfuncSet.of("test_fmodret_ids", List.of(SetEntry.of("bpf_modify_return_test")), at("net/bpf/test_run.c", 30)))
                .set(KfuncSet.of("scx_kfunc_ids_enqueue_dispatch", List.of(SetEntry.of("scx_bpf_dsq_insert"), SetEntry.of("scx_bpf_kick_cpu")),
                        at("kernel/sched/ext.c", 40)).withFilter("scx_kfunc_context_filter"))
                .registration(Registration.common("common_btf_ids", at("kernel/bpf/helpers.c", 100)))
                .registration(Registration.of("generic_btf_ids", ProgType.TRACING, at("kernel/bpf/helpers.c", 101)))
                .registration(Registration.of("generic_btf_ids", ProgType.SYSCALL, at("kernel/bpf/helpers.c", 102)))
                .registration(Registration.fmodret("test_fmodret_ids", at("net/bpf/test_run.c", 103)))
                .registration(Registration.of("scx_kfunc_ids_enqueue_dispatch", ProgType.STRUCT_OPS, at("kernel/sched/ext.c", 104)))
                .filter(Filter.of("scx_kfunc_context_filter", List.of(
                        FilterRule.allowOnly(ContextPredicate.contextClass("ENQUEUE", "DISPATCH", "SELECT_CPU"), "scx_bpf_dsq_insert")),
                        at("kernel/sched/ext.c", 50)))
                .structOps(StructOpsType.of("sched_ext_ops", List.of(
                        OpsMember.of("select_cpu", 0).withContextClass("SELECT_CPU"),
                        OpsMember.of("dispatch", 3).withContextClass("DISPATCH"),
                        OpsMember.of("tick", 4).withContextClass("REST"),
                        OpsMember.of("init", 31).withContextClass("UNLOCKED").withSleepable(true))))
                .structOps(StructOpsType.of("tcp_congestion_ops", List.of(OpsMember.of("cong_avoid", 5))))
                .build();
    }

    /** Random catalogs whose names all start with {@code prefix} (so different prefixes are disjoint). */
    public static Arbitrary<Catalog> catalogs(String prefix) {
        Arbitrary<Kfunc> kfunc = Combinators.combine(
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(1, 500).injectNull(0.3),
                Arbitraries.of("KF_ACQUIRE", "KF_RET_NULL", "KF_SLEEPABLE").set().injectNull(0.3), Arbitraries.of(true, false))
                .as((i, id, flags, proto) -> {
                    Kfunc.Builder b = Kfunc.named(prefix + i).source(Source.tree(prefix, "f.c", i));
                    if (id != null) b.btfId(id);
                    b.flags(flags == null ? KfFlags.unknownBtfOnly() : KfFlags.of(flags.toArray(String[]::new)));
                    if (proto) b.prototype("int", new Param("x" + i, "u32"));
                    return b.build();
                });
        return Combinators.combine(kfunc.list().ofMaxSize(5), Arbitraries.of(ProgType.XDP, ProgType.TRACING, ProgType.SYSCALL).list().ofMaxSize(2),
                Arbitraries.of("6.12", "6.18").injectNull(0.5)).as((ks, regs, version) -> {
                    Catalog.Builder b = Catalog.builder(prefix);
                    ks.forEach(b::kfunc);
                    List<SetEntry> entries = new ArrayList<>();
                    ks.stream().map(Kfunc::name).distinct().forEach(n -> entries.add(SetEntry.of(n)));
                    b.set(KfuncSet.of(prefix + "_set", entries));
                    regs.forEach(t -> b.registration(Registration.of(prefix + "_set", t)));
                    if (version != null) b.version(version);
                    b.rename(Rename.of(prefix + "old", prefix + "0", "6.13"));
                    return b.build();
                });
    }

}
