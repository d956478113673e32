package io.kflab.verifier.structops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.Errno;
import io.kflab.verifier.structops.diff.Outcome;
import io.kflab.verifier.structops.diff.Scenario;
import io.kflab.verifier.structops.diff.ScenarioRunner;
import io.kflab.verifier.structops.diff.ValueSpec;
import io.kflab.verifier.structops.model.ModelKernel;
import io.kflab.verifier.structops.model.ProgBody;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model without a kernel: load checks in the kernel's order and words, the map and link state machine. */
class StructOpsModelTest {
    private static LoadCheck check(String license, int btfId, int idx, int flags) {
        return StructOpsLoadCheck.check(TestTypes.catalog(), new ProgAttrs(license, btfId, idx, flags));
    }

    private static String rejection(LoadCheck c) {
        LoadCheck.Rejected r = (LoadCheck.Rejected) c;
        return r.errno().name() + ": " + r.log();
    }

    @Test
    void loadChecksRejectInTheKernelsOrderWithItsMessages() {
        int tcp = TestTypes.TCP_ID;
        assertThat(rejection(check("MIT", 0, 99, 0))).isEqualTo("EINVAL: struct ops programs must have a GPL compatible license");
        assertThat(rejection(check("GPL", 0, 0, 0))).isEqualTo("ENOTSUPP: ");
        assertThat(rejection(check("GPL", 5, 0, 0))).isEqualTo("ENOTSUPP: attach_btf_id 5 is not a supported struct");
        assertThat(rejection(check("GPL", tcp, 18, 0))).isEqualTo("EINVAL: attach to invalid member idx 18 of struct tcp_congestion_ops");
        assertThat(rejection(check("GPL", tcp, -1, 0))).isEqualTo("EINVAL: attach to invalid member idx 4294967295 of struct tcp_congestion_ops");
        assertThat(rejection(check("GPL", tcp, 11, 0))).isEqualTo("EINVAL: attach to invalid member name(@idx 11) of struct tcp_congestion_ops");
        assertThat(rejection(check("GPL", tcp, 10, 0))).isEqualTo("ENOTSUPP: attach to unsupported member get_info of struct tcp_congestion_ops");
        assertThat(rejection(check("GPL", TestTypes.DUMMY_ID, 0, ProgAttrs.BPF_F_SLEEPABLE)))
                .isEqualTo("EINVAL: attach to unsupported member test_1 of struct bpf_dummy_ops");
        assertThat(check("GPL", TestTypes.DUMMY_ID, 2, ProgAttrs.BPF_F_SLEEPABLE).accepted()).isTrue();
        assertThat(check("Dual BSD/GPL", tcp, 0, ProgAttrs.BPF_F_SLEEPABLE).accepted()).isTrue();
        assertThat(Errno.ENOTSUPP.number()).isEqualTo(524);
    }

    @Test
    void tcpReleaseCannotUseSockoptHelpersButOtherMembersCan() {
        LoadCheck.Accepted release = (LoadCheck.Accepted) check("GPL", TestTypes.TCP_ID, 17, 0);
        LoadCheck.Accepted avoid = (LoadCheck.Accepted) check("GPL", TestTypes.TCP_ID, 1, 0);
        assertThat(StructOpsLoadCheck.helperCall(release, 49, "bpf_setsockopt")).get()
                .extracting(LoadCheck.Rejected::log).isEqualTo("program of this type cannot use helper bpf_setsockopt#49");
        assertThat(StructOpsLoadCheck.helperCall(release, 57, "bpf_getsockopt")).isPresent();
        assertThat(StructOpsLoadCheck.helperCall(avoid, 49, "bpf_setsockopt")).isEmpty();
        assertThat(avoid.funcProto(5)).isEqualTo(FuncProto.BASE);
        LoadCheck.Accepted dummy = (LoadCheck.Accepted) check("GPL", TestTypes.DUMMY_ID, 0, 0);
        assertThat(StructOpsLoadCheck.helperCall(dummy, 5, "bpf_ktime_get_ns")).isPresent();
        assertThat(dummy.argNullable(0)).isTrue();
    }

    private static List<Outcome> run(Scenario s) {
        try (ModelKernel k = new ModelKernel(TestTypes.catalog())) {
            return new ScenarioRunner(List.of(TestTypes.tcp(), TestTypes.dummy())).run(s, k);
        }
    }

    private static List<String> briefs(Scenario s) {
        return run(s).stream().skip(1).map(Outcome::brief).toList();
    }

    @Test
    void mapWithoutLinkGoesInitInuseTobefree() {
        Scenario s = Scenario.named("t").tcpProgs().map("m", "tcp_congestion_ops", 0)
                .update("m", ValueSpec.of().name("x1").tcpRequired()).available("x1").update("m", ValueSpec.of().name("x2").tcpRequired())
                .delete("m").available("x1").delete("m").lookup("m").build();
        assertThat(briefs(s)).containsExactly("ok", "ok", "ok", "ok", "ok", "ok 1", "EBUSY", "ok", "ok", "EINPROGRESS",
                "ok [state=TOBEFREE refcnt=0 funcs=[ssthresh, cong_avoid, undo_cwnd] name=x1]");
    }

    @Test
    void failedUpdatesResetTheMapAndReturnTheKernelsErrno() {
        Scenario s = Scenario.named("t").tcpProgs().map("m", "tcp_congestion_ops", 0)
                .update("m", ValueSpec.of().name("x").tcpRequired().func("init", "#bad"))
                .update("m", ValueSpec.of().name("x").tcpRequired().func("ssthresh", "cong_avoid"))
                .update("m", ValueSpec.of().name("reno").tcpRequired())
                .update("m", ValueSpec.of().name("x").func("ssthresh", "ssthresh").func("cong_avoid", "cong_avoid"))
                .update("m", ValueSpec.of().name("x").tcpRequired().data("flags", 0x20))
                .update("m", ValueSpec.of().name("x").tcpRequired().data("owner", 1))
                .lookup("m").build();
        assertThat(briefs(s).subList(4, 11)).containsExactly("EBADF", "EINVAL", "EEXIST", "EINVAL", "EINVAL", "ok 1",
                "ok [state=INIT refcnt=0 funcs=[] name=]");
    }

    @Test
    void linkLifecycleAndASubsystemWithoutUpdate() {
        Scenario s = Scenario.named("t").tcpProgs().linkMap("m1", "tcp_congestion_ops").linkMap("m2", "tcp_congestion_ops")
                .update("m1", ValueSpec.of().name("y").tcpRequired()).update("m2", ValueSpec.of().name("y").tcpRequired())
                .link("k", "m1").link("k2", "m2").linkUpdate("k", "m2").detach("k").detach("k").linkUpdate("k", "m1")
                .available("y").build();
        assertThat(briefs(s).subList(7, 14)).containsExactly("ok", "EEXIST", "ok", "ok", "ok", "ENOLINK", "ok");
        // a declared subsystem without update answers EOPNOTSUPP, which no subsystem of the test kernel can show
        DeclaredSubsystem noUpdate = new DeclaredSubsystem("tcp_congestion_ops", Set.of("ssthresh"), null, Set.of(),
                List.of("ssthresh"), 1, false, Map.of(), true);
        StructOpsCatalog c = new StructOpsCatalog(List.of(TestTypes.tcp())).register(noUpdate.instance());
        try (ModelKernel k = new ModelKernel(c)) {
            int btf = k.btfLoadUser().fd();
            int p = k.progLoad(new ProgAttrs("GPL", TestTypes.TCP_ID, 0, 0), new ProgBody.RetConst(0)).fd();
            var attrs = new io.kflab.verifier.structops.model.MapAttrs(4, 256, 1, 1 << 13, btf, TestTypes.TCP_VALUE_ID, 0);
            int m1 = k.mapCreate(attrs).fd(), m2 = k.mapCreate(attrs).fd();
            byte[] v = new byte[256];
            java.nio.ByteBuffer.wrap(v).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(64, p);
            assertThat(k.mapUpdate(m1, 0, v, 0).ok()).isTrue();
            assertThat(k.mapUpdate(m2, 0, v, 0).ok()).isTrue();
            int link = k.linkCreate(m1).fd();
            assertThat(k.linkCreate(m2).errno()).isEqualTo(Errno.EEXIST);
            assertThat(k.linkUpdate(link, m2, 0, 0).errno()).isEqualTo(Errno.EOPNOTSUPP);
        }
    }

    @Test
    void catalogRefusesUnknownAndDuplicateSubsystems() {
        StructOpsCatalog c = TestTypes.catalog();
        assertThrows(BadInputException.class, () -> c.register(new BpfDummyOps()));
        assertThrows(BadInputException.class, () -> c.register(new DeclaredSubsystem("sched_ext_ops", Set.of(), null, Set.of(),
                List.of(), 1, false, Map.of(), false).instance()));
        assertThat(TcpCongestionOps.congMaskFor("6.18.44-x")).isEqualTo(0x1f);
        assertThat(TcpCongestionOps.congMaskFor("6.12.1")).isEqualTo(0x3);
    }
}
