package io.kflab.catalog.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.Fixtures;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.filter.FilterData;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.SetEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallabilityTest {
    private final Callability c = Callability.of(Fixtures.kernel());

    private static CallingContext ctx(ProgType t) { return CallingContext.of(t); }

    @Test void commonKfuncIsCallableEvenWithoutAProgramHook() {
        Decision d = c.decide("bpf_rcu_read_lock", ctx(ProgType.RAW_TRACEPOINT));
        assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(d.reason()).contains("COMMON hook", "common_btf_ids", "kernel/bpf/helpers.c:100");
    }

    @Test void kfuncOfAnotherHookIsDeniedNamingTheHook() {
        Decision d = c.decide("bpf_task_acquire", ctx(ProgType.XDP));
        assertThat(d.verdict()).isEqualTo(Verdict.DENY);
        assertThat(d.reason()).isEqualTo("not registered for hook XDP (registered for SYSCALL, TRACING)");
        assertThat(c.decide("bpf_task_acquire", ctx(ProgType.RAW_TRACEPOINT)).reason()).contains("has no kfunc hook");
    }

    @Test void hookTableMapsTracepointAndLsmToTracing() {
        assertThat(c.decide("bpf_task_acquire", ctx(ProgType.TRACEPOINT)).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(c.decide("bpf_task_acquire", CallingContext.of(ProgType.LSM, AttachType.LSM_MAC)).reason()).contains("TRACING hook", "generic_btf_ids");
    }

    @Test void sleepableKfuncNeedsASleepableProgram() {
        assertThat(c.decide("bpf_copy_from_user_str", ctx(ProgType.SYSCALL)).verdict()).isEqualTo(Verdict.SLEEPABLE_ONLY);
        assertThat(c.decide("bpf_copy_from_user_str", ctx(ProgType.SYSCALL)).reason()).startsWith("KF_SLEEPABLE and context not sleepable");
        assertThat(c.decide("bpf_copy_from_user_str", ctx(ProgType.SYSCALL).asSleepable()).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test void fmodretOnlyIsCallableNowhere() {
        for (CallingContext x : DefaultContexts.of(c.catalog())) {
            Decision d = c.decide("bpf_modify_return_test", x);
            assertThat(d.verdict()).as(x.displayName()).isEqualTo(Verdict.DENY);
            assertThat(d.reason()).contains("fmod_ret");
        }
    }

    @Test void commonHookIsCheckedFirstAndItsEntryFlagsDecide() {
        // same kfunc: sleepable in a COMMON set, not sleepable in a TRACING set; the kernel finds it in COMMON first
        Catalog cat = Catalog.builder("order").version("6.18")
                .kfunc(Kfunc.named("k").flags(KfFlags.unknown("per set")).build())
                .set(KfuncSet.of("a", List.of(SetEntry.of("k", "KF_SLEEPABLE"))))
                .set(KfuncSet.of("b", List.of(SetEntry.of("k"))))
                .registration(Registration.of("b", ProgType.TRACING))
                .registration(Registration.common("a"))
                .build();
        Decision d = Callability.of(cat).decide("k", CallingContext.of(ProgType.TRACING, AttachType.TRACE_FENTRY));
        assertThat(d.verdict()).isEqualTo(Verdict.SLEEPABLE_ONLY);
        assertThat(d.reason()).contains("COMMON hook by set a");
    }

    @Test void destructiveAndConditionsAreNamedInTheReason() {
        Decision d = c.decide("bpf_crash_kexec", ctx(ProgType.SYSCALL));
        assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(d.reason()).contains("if CONFIG_KEXEC_CORE", "CAP_SYS_BOOT");
    }

    @Test void contextClassFilterDecidesPerStructOpsMember() {
        Decision dispatch = c.decide("scx_bpf_dsq_insert", CallingContext.structOps("sched_ext_ops", "dispatch"));
        Decision tick = c.decide("scx_bpf_dsq_insert", CallingContext.structOps("sched_ext_ops", "tick"));
        assertThat(dispatch.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(tick.verdict()).isEqualTo(Verdict.DENY);
        assertThat(tick.reason()).contains("filter scx_kfunc_context_filter", "context class in {DISPATCH, ENQUEUE, SELECT_CPU}");
        // filters run for every kfunc of the hook, but govern only theirs
        assertThat(c.decide("scx_bpf_kick_cpu", CallingContext.structOps("sched_ext_ops", "tick")).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test void btfOnlyKfuncIsUnknownAndUnknownNamesAreDenied() {
        Catalog cat = Fixtures.kernel().overlay(Catalog.builder("btf").kfunc(Kfunc.named("bpf_mystery").flags(KfFlags.unknownBtfOnly()).build()).build());
        Callability cc = Callability.of(cat);
        assertThat(cc.decide("bpf_mystery", ctx(ProgType.XDP)).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(cc.decide("bpf_mystery", ctx(ProgType.XDP)).reason()).contains("BTF only");
        assertThat(cc.decide("no_such_kfunc", ctx(ProgType.XDP)).verdict()).isEqualTo(Verdict.DENY);
    }

    @Test void linux618FiltersDecideSessionFsAndIterKfuncs() {
        Callability f = Callability.of(Catalog.builder("k").version("6.18").build().overlay(FilterData.linux618()));
        Decision kprobe = f.decide("bpf_session_cookie", ctx(ProgType.KPROBE));
        assertThat(kprobe.verdict()).isEqualTo(Verdict.DENY);
        assertThat(kprobe.reason()).contains("bpf_kprobe_multi_filter", "trace_kprobe_session", "kernel/trace/bpf_trace.c:3498");
        assertThat(f.decide("bpf_session_cookie", CallingContext.of(ProgType.KPROBE, AttachType.TRACE_KPROBE_SESSION)).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(f.decide("bpf_session_cookie", ctx(ProgType.XDP)).reason()).isEqualTo("not registered for hook XDP (registered for KPROBE)");

        CallingContext lsm = CallingContext.of(ProgType.LSM, AttachType.LSM_MAC);
        assertThat(f.decide("bpf_get_file_xattr", lsm).verdict()).isEqualTo(Verdict.SLEEPABLE_ONLY);
        assertThat(f.decide("bpf_get_file_xattr", lsm.asSleepable()).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(f.decide("bpf_path_d_path", CallingContext.of(ProgType.TRACING, AttachType.TRACE_FENTRY)).reason()).contains("bpf_fs_kfuncs_filter");
        assertThat(f.decide("bpf_set_dentry_xattr", lsm.asSleepable()).verdict()).as("6.18-only entry: flags unknown").isEqualTo(Verdict.ALLOW);
        assertThat(f.decide("bpf_set_dentry_xattr", lsm).verdict()).isEqualTo(Verdict.UNKNOWN);

        assertThat(f.decide("bpf_sock_destroy", CallingContext.of(ProgType.TRACING, AttachType.TRACE_ITER)).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(f.decide("bpf_sock_destroy", CallingContext.of(ProgType.TRACING, AttachType.TRACE_FENTRY)).verdict()).isEqualTo(Verdict.DENY);

        Decision meta = f.decide("bpf_xdp_metadata_rx_hash", ctx(ProgType.XDP));
        assertThat(meta.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(meta.reason()).contains("device-bound");
        // the kernel checks device binding when it first sees the call, before the hook lookup:
        // undecided for tc too (the running kernel says "metadata kfuncs require device-bound program")
        Decision tc = f.decide("bpf_xdp_metadata_rx_hash", ctx(ProgType.SCHED_CLS));
        assertThat(tc.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(tc.reason()).contains("before the hook lookup");
    }

    @Test void linux61HasNoCommonHookAndNoTracepointHook() {
        Catalog cat = Fixtures.kernel().toBuilder().version("6.1").build();
        assertThat(Callability.of(cat).decide("bpf_rcu_read_lock", ctx(ProgType.XDP)).verdict()).isEqualTo(Verdict.DENY);
        assertThat(Callability.of(cat).decide("bpf_task_acquire", ctx(ProgType.TRACEPOINT)).reason()).contains("has no kfunc hook");
    }

    @Test void observationsDecideWhenRegistrationsAreUnknown() {
        CallingContext xdp = ctx(ProgType.XDP);
        Catalog cat = Catalog.builder("btf+probe").version("6.18")
                .kfunc(Kfunc.named("bpf_x").flags(KfFlags.unknownBtfOnly()).build())
                .observation(Observation.of("bpf_x", xdp, Verdict.ALLOW, "reached the call", io.kflab.catalog.provenance.Source.probe("6.18.44", "")))
                .build();
        Decision d = Callability.of(cat).decide("bpf_x", xdp);
        assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(d.reason()).contains("observed", "probe of 6.18.44");
    }

    @Test void everyMatrixCellHasAReason() {
        Matrix m = Matrix.of(c, DefaultContexts.of(c.catalog()));
        assertThat(m.rows()).hasSize(c.catalog().kfuncs().size());
        m.rows().forEach(r -> r.cells().forEach(cell -> assertThat(cell.reason()).as(r.kfunc() + " " + cell.context()).isNotBlank()));
        assertThat(m.contexts()).contains("xdp", "tracing/fentry", "kprobe/kprobe_session", "syscall(sleepable)",
                "struct_ops/sched_ext_ops.dispatch", "struct_ops/sched_ext_ops.init(sleepable)", "struct_ops/tcp_congestion_ops.cong_avoid");
        assertThat(m.count("raw_tracepoint", Verdict.ALLOW)).isEqualTo(1);
    }
}
