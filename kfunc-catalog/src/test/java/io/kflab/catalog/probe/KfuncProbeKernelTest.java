package io.kflab.catalog.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.MissingCapabilityException;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.KernelAssumptions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A handful of kfuncs × a handful of contexts with verdicts known from 6.18's kfunc sets. */
class KfuncProbeKernelTest {
    static final List<String> KFUNCS = List.of("bpf_task_acquire", "bpf_copy_from_user_str", "tcp_reno_cong_avoid",
            "bpf_rcu_read_lock", "bpf_session_cookie", "bpf_xdp_metadata_rx_hash", "bpf_dynptr_from_xdp");
    static final List<String> CONTEXTS = List.of("socket_filter", "tracepoint", "kprobe", "kprobe.session", "xdp",
            "syscall", "syscall.s", "iter", "iter.s", "tcp_congestion_ops:cong_avoid", "tcp_congestion_ops:get_info",
            "bpf_dummy_ops:test_1");

    static ProbeResult r;

    @BeforeAll
    static void probe() throws Exception {
        KernelAssumptions.assumeBpf();
        Btf btf = Btf.vmlinux();
        Map<String, ProbeContext> all = ProbeContexts.standard(btf).stream()
                .collect(Collectors.toMap(ProbeContext::name, Function.identity()));
        List<String> present = KFUNCS.stream().filter(k -> btf.findByName(k).isPresent()).toList();
        r = KfuncProbe.of(btf, CONTEXTS.stream().map(all::get).toList(), present).progress(false).run();
    }

    @Test
    void taskAcquireIsForTracingNotSocketFilters() {
        assertThat(r.verdict("bpf_task_acquire", "tracepoint")).isEqualTo(Verdict.ALLOW);
        assertThat(r.verdict("bpf_task_acquire", "iter")).isEqualTo(Verdict.ALLOW);
        ProbeCell deny = r.cell("bpf_task_acquire", "socket_filter");
        assertThat(deny.verdict()).isEqualTo(Verdict.DENY);
        assertThat(deny.errno()).isEqualTo("EACCES");
        assertThat(deny.line()).isEqualTo("calling kernel function bpf_task_acquire is not allowed");
        // allowed, but the minimal caller passes ctx where a task is expected: the argument check decides
        assertThat(r.cell("bpf_task_acquire", "tracepoint").line()).isNotBlank();
    }

    @Test
    void copyFromUserIsSleepableOnly() {
        ProbeCell c = r.cell("bpf_copy_from_user_str", "iter");
        assertThat(c.verdict()).isEqualTo(Verdict.SLEEPABLE_ONLY);
        assertThat(c.line()).startsWith("program must be sleepable");
        assertThat(r.verdict("bpf_copy_from_user_str", "iter.s")).isEqualTo(Verdict.ALLOW);
        assertThat(r.sleepableVerdict("bpf_copy_from_user_str", "iter")).isEqualTo(Verdict.ALLOW);
        assertThat(r.verdict("bpf_copy_from_user_str", "syscall.s")).isEqualTo(Verdict.ALLOW);
        // in the generic set, so sleepable-only everywhere; socket filters have no sleepable variant
        assertThat(r.verdict("bpf_copy_from_user_str", "socket_filter")).isEqualTo(Verdict.SLEEPABLE_ONLY);
        assertThat(r.sleepableVerdict("bpf_copy_from_user_str", "socket_filter")).isEqualTo(Verdict.SLEEPABLE_ONLY);
    }

    @Test
    void tcpCongestionKfuncsOnlyFromStructOps() {
        assertThat(r.verdict("tcp_reno_cong_avoid", "tcp_congestion_ops:cong_avoid")).isEqualTo(Verdict.ALLOW);
        // the STRUCT_OPS hook has no per-struct filter for these: any struct_ops member may call them
        assertThat(r.verdict("tcp_reno_cong_avoid", "bpf_dummy_ops:test_1")).isEqualTo(Verdict.ALLOW);
        for (String c : List.of("socket_filter", "tracepoint", "kprobe", "xdp", "syscall.s", "iter.s")) {
            assertThat(r.verdict("tcp_reno_cong_avoid", c)).as(c).isEqualTo(Verdict.DENY);
        }
    }

    @Test
    void rcuReadLockEverywhereThatLoads() {
        for (String c : CONTEXTS) {
            Verdict v = r.verdict("bpf_rcu_read_lock", c);
            if (r.setupErrors().contains(c)) assertThat(v).as(c).isEqualTo(Verdict.SETUP_ERROR);
            else assertThat(v).as(c).isEqualTo(Verdict.ALLOW);
        }
    }

    @Test
    void sessionCookieNeedsTheSessionAttachType() {
        assertThat(r.verdict("bpf_session_cookie", "kprobe.session")).isEqualTo(Verdict.ALLOW);
        assertThat(r.verdict("bpf_session_cookie", "kprobe")).isEqualTo(Verdict.DENY);
    }

    @Test
    void xdpOnlyKfuncs() {
        assertThat(r.verdict("bpf_dynptr_from_xdp", "xdp")).isEqualTo(Verdict.ALLOW);
        assertThat(r.verdict("bpf_dynptr_from_xdp", "tracepoint")).isEqualTo(Verdict.DENY);
        ProbeCell meta = r.cell("bpf_xdp_metadata_rx_hash", "xdp");
        assertThat(meta.verdict()).isEqualTo(Verdict.UNDECIDED);
        assertThat(meta.line()).isEqualTo("metadata kfuncs require device-bound program");
    }

    @Test
    void contextsThatCannotBeSetUp() {
        assertThat(r.setupErrors()).contains("syscall", "tcp_congestion_ops:get_info");
        assertThat(r.cell("bpf_rcu_read_lock", "syscall").line()).isEqualTo("Syscall programs can only be sleepable");
        assertThat(r.cell("bpf_rcu_read_lock", "tcp_congestion_ops:get_info").line())
                .isEqualTo("attach to unsupported member get_info of struct tcp_congestion_ops");
        // a setup error costs one load, not one per kfunc
        int live = CONTEXTS.size() - r.setupErrors().size();
        assertThat(r.loads()).isEqualTo(CONTEXTS.size() + (long) live * r.kfuncs().size());
    }

    @Test
    void unknownKfuncIsBadInput() throws Exception {
        Btf btf = Btf.vmlinux();
        assertThatThrownBy(() -> KfuncProbe.of(btf, r.contexts(), List.of("no_such_kfunc")).progress(false).run())
                .isInstanceOf(BadInputException.class).hasMessageContaining("no_such_kfunc");
    }

    @Test
    void withoutBpfTheProbeIsAMissingCapability() throws Exception {
        assumeFalse(BpfCapability.check().available(), "bpf(2) is available here");
        assertThatThrownBy(() -> KfuncProbe.of(Btf.vmlinux(), List.of(), List.of()).run())
                .isInstanceOf(MissingCapabilityException.class);
    }
}
