package io.kflab.verifier.structops.diff;

import static io.kflab.verifier.structops.diff.Scenario.Builder.SLEEPABLE;

import io.kflab.verifier.structops.BpfDummyOps;
import io.kflab.verifier.structops.StructOpsType;
import io.kflab.verifier.structops.TcpCongestionOps;
import io.kflab.verifier.structops.model.MapAttrs;
import io.kflab.verifier.structops.model.ProgBody;
import java.util.ArrayList;
import java.util.List;

/**
 * The registration scenarios: program-load checks, map creation, updates, deletes, lookups, links and
 * test runs of tcp_congestion_ops and bpf_dummy_ops — good and bad, one per row of the kernel's error
 * table that this kernel can answer. TCP names are {@code prefix + "_" + n}, unique per run.
 */
public final class ScenarioMatrix {
    private static final String TCP = TcpCongestionOps.NAME;
    private static final String DUMMY = BpfDummyOps.NAME;
    private static final ProgBody RET0 = new ProgBody.RetConst(0);

    private final String prefix;
    private final StructOpsType tcp;
    private final int plainStructId;
    private int names;

    private ScenarioMatrix(String prefix, StructOpsType tcp, int plainStructId) {
        this.prefix = prefix;
        this.tcp = tcp;
        this.plainStructId = plainStructId;
    }

    /**
     * The scenarios.
     *
     * @param prefix start of every tcp congestion-control name (at most 9 characters: names have 15)
     * @param tcp the tcp_congestion_ops type of the kernel's BTF
     * @param plainStructId the BTF id of a struct that is not a struct_ops type (e.g. tcp_sock)
     */
    public static List<Scenario> all(String prefix, StructOpsType tcp, int plainStructId) {
        if (prefix.length() > 9) throw new IllegalArgumentException("prefix longer than 9: " + prefix);
        return new ScenarioMatrix(prefix, tcp, plainStructId).build();
    }

    private String name() {
        return prefix + "_" + names++;
    }

    private static Scenario.Builder s(String n) {
        return Scenario.named(n);
    }

    private List<Scenario> build() {
        List<Scenario> l = new ArrayList<>();
        loads(l);
        maps(l);
        updates(l);
        links(l);
        dummy(l);
        return l;
    }

    private void loads(List<Scenario> l) {
        l.add(s("load: tcp ssthresh accepted").prog(TCP, "ssthresh").build());
        l.add(s("load: non-GPL license").load("p", TCP, "ssthresh", null, null, 0, "MIT", RET0).build());
        l.add(s("load: Dual BSD/GPL license").load("p", TCP, "ssthresh", null, null, 0, "Dual BSD/GPL", RET0).build());
        l.add(s("load: attach_btf_id 0").load("p", TCP, "ssthresh", null, 0, 0, "GPL", RET0).build());
        l.add(s("load: attach_btf_id of a plain struct").load("p", TCP, "ssthresh", null, plainStructId, 0, "GPL", RET0).build());
        l.add(s("load: member index = member count").load("p", TCP, null, tcp.members().size(), null, 0, "GPL", RET0).build());
        l.add(s("load: member index 0xffffffff").load("p", TCP, null, -1, null, 0, "GPL", RET0).build());
        l.add(s("load: data member name").load("p", TCP, "name", null, null, 0, "GPL", RET0).build());
        l.add(s("load: data member flags").load("p", TCP, "flags", null, null, 0, "GPL", RET0).build());
        l.add(s("load: get_info has no cfi stub").prog(TCP, "get_info").build());
        l.add(s("load: tcp cong_avoid sleepable").load("p", TCP, "cong_avoid", null, null, SLEEPABLE, "GPL", RET0).build());
        l.add(s("load: dummy test_1 sleepable").load("p", DUMMY, "test_1", null, null, SLEEPABLE, "GPL", RET0).build());
        l.add(s("load: dummy test_sleepable sleepable").load("p", DUMMY, "test_sleepable", null, null, SLEEPABLE, "GPL", RET0).build());
        l.add(s("load: tcp release calls bpf_setsockopt")
                .prog("p", TCP, "release", new ProgBody.CallHelper(TcpCongestionOps.BPF_FUNC_SETSOCKOPT, "bpf_setsockopt")).build());
        l.add(s("load: tcp release calls bpf_getsockopt")
                .prog("p", TCP, "release", new ProgBody.CallHelper(TcpCongestionOps.BPF_FUNC_GETSOCKOPT, "bpf_getsockopt")).build());
        l.add(s("load: tcp cong_avoid calls bpf_ktime_get_coarse_ns")
                .prog("p", TCP, "cong_avoid", new ProgBody.CallHelper(TcpCongestionOps.BPF_FUNC_KTIME_GET_COARSE_NS, "bpf_ktime_get_coarse_ns")).build());
        l.add(s("load: tcp release calls bpf_ktime_get_ns (base)")
                .prog("p", TCP, "release", new ProgBody.CallHelper(5, "bpf_ktime_get_ns")).build());
        l.add(s("load: dummy test_1 calls bpf_ktime_get_ns").prog("p", DUMMY, "test_1", new ProgBody.CallHelper(5, "bpf_ktime_get_ns")).build());
        l.add(s("load: ssthresh exits with R0 unset").prog("p", TCP, "ssthresh", new ProgBody.VoidExit()).build());
        l.add(s("load: void cong_avoid exits with R0 unset").prog("p", TCP, "cong_avoid", new ProgBody.VoidExit()).build());
    }

    private void maps(List<Scenario> l) {
        l.add(s("map: tcp map created").map("m", TCP, 0).lookup("m").build());
        l.add(s("map: key_size 8").step(new Step.Map("m", TCP, 0, "btf", 8, 1, 0, null, null)).build());
        l.add(s("map: max_entries 2").step(new Step.Map("m", TCP, 0, "btf", 4, 2, 0, null, null)).build());
        l.add(s("map: flag BPF_F_NO_PREALLOC").map("m", TCP, 1).build());
        l.add(s("map: value type id 0").step(new Step.Map("m", TCP, 0, "btf", 4, 1, 0, 0, null)).build());
        l.add(s("map: value type id of the struct, not the value").step(new Step.Map("m", TCP, 0, "btf", 4, 1, 0, tcp.typeId(), null)).build());
        l.add(s("map: value_size - 8").step(new Step.Map("m", TCP, 0, "btf", 4, 1, -8, null, null)).build());
        l.add(s("map: btf_fd not open").step(new Step.Map("m", TCP, 0, "#bad", 4, 1, 0, null, null)).build());
        l.add(s("map: btf_fd is vmlinux BTF").step(new Step.Btf("kb", true)).step(new Step.Map("m", TCP, 0, "kb", 4, 1, 0, null, null)).build());
        l.add(s("map: btf_fd is a map").map("a", TCP, 0).step(new Step.Map("m", TCP, 0, "a", 4, 1, 0, null, null)).build());
        l.add(s("map: BPF_F_VTYPE_BTF_OBJ_FD with vmlinux BTF").step(new Step.Btf("kb", true))
                .step(new Step.Map("m", TCP, 0, "btf", 4, 1, 0, null, "kb")).build());
        l.add(s("map: lookup key 1").map("m", TCP, 0).step(new Step.Lookup("m", 1)).build());
        l.add(s("map: delete while INIT").map("m", TCP, 0).delete("m").build());
    }

    private void updates(List<Scenario> l) {
        String n = name();
        l.add(s("tcp: register by update, delete").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(n).tcpRequired()).lookup("m").available(n)
                .delete("m").available(n).lookup("m").delete("m").build());
        l.add(s("tcp: second update is EBUSY").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired()).update("m", ValueSpec.of().name(name()).tcpRequired()).build());
        l.add(s("update: flags BPF_NOEXIST").tcpProgs().map("m", TCP, 0)
                .step(new Step.Update("m", ValueSpec.of().name(name()).tcpRequired(), 0, 1)).build());
        l.add(s("update: key 1").tcpProgs().map("m", TCP, 0)
                .step(new Step.Update("m", ValueSpec.of().name(name()).tcpRequired(), 1, 0)).build());
        l.add(s("update: padding after the common part").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().valueHole()).build());
        l.add(s("update: struct tail padding").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().structTail()).build());
        l.add(s("update: common state set").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().common(0, 1)).build());
        l.add(s("update: common refcnt set").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().common(1, 0)).build());
        l.add(s("update: data member key nonzero").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().data("key", 7)).build());
        l.add(s("update: data member list nonzero").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().data("list", 1)).build());
        for (long flags : new long[] {1, 2, 4, 8, 0x10, 0x20, 0x80000000L}) {
            l.add(s("tcp: flags 0x" + Long.toHexString(flags)).tcpProgs().map("m", TCP, 0)
                    .update("m", ValueSpec.of().name(name()).tcpRequired().data("flags", flags)).lookup("m").build());
        }
        l.add(s("tcp: empty name").tcpProgs().map("m", TCP, 0).update("m", ValueSpec.of().tcpRequired()).build());
        l.add(s("tcp: name with '-'").tcpProgs().map("m", TCP, 0).update("m", ValueSpec.of().name("kfl-bad").tcpRequired()).build());
        l.add(s("tcp: name of 16 characters (no NUL)").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name("abcdefghijklmnop").tcpRequired()).build());
        l.add(s("update: program fd not open").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().func("init", "#bad")).lookup("m").build());
        l.add(s("update: map fd in a function slot").tcpProgs().map("m", TCP, 0).map("other", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().func("init", "other")).build());
        l.add(s("update: cong_avoid program in the ssthresh slot").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().func("ssthresh", "cong_avoid")).build());
        l.add(s("update: bpf_dummy_ops program in a tcp slot").tcpProgs().prog(DUMMY, "test_1").map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().func("init", "test_1")).build());
        l.add(s("tcp: validate wants undo_cwnd").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).func("ssthresh", "ssthresh").func("cong_avoid", "cong_avoid")).build());
        l.add(s("tcp: cong_control instead of cong_avoid").tcpProgs().prog(TCP, "cong_control").map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).func("ssthresh", "ssthresh").func("cong_control", "cong_control")
                        .func("undo_cwnd", "undo_cwnd")).lookup("m").build());
        String again = name();
        l.add(s("tcp: name reno is taken, the map is reusable").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name("reno").tcpRequired()).lookup("m")
                .update("m", ValueSpec.of().name(again).tcpRequired()).available(again).build());
        l.add(s("update: module owner set (quirk)").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().data("owner", 1)).lookup("m").build());
        l.add(s("update: module owner set, no name").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().tcpRequired().data("owner", 1)).build());
        l.add(s("tcp: all optional members implemented").tcpProgs().prog(TCP, "init").prog(TCP, "release")
                .prog(TCP, "set_state").prog(TCP, "cwnd_event").prog(TCP, "in_ack_event").prog(TCP, "pkts_acked")
                .prog(TCP, "min_tso_segs").prog(TCP, "sndbuf_expand").map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired().func("init", "init").func("release", "release")
                        .func("set_state", "set_state").func("cwnd_event", "cwnd_event").func("in_ack_event", "in_ack_event")
                        .func("pkts_acked", "pkts_acked").func("min_tso_segs", "min_tso_segs").func("sndbuf_expand", "sndbuf_expand"))
                .lookup("m").build());
    }

    private void links(List<Scenario> l) {
        String n = name();
        l.add(s("link: READY map, link, detach twice, relink").tcpProgs().linkMap("m", TCP)
                .update("m", ValueSpec.of().name(n).tcpRequired()).lookup("m").delete("m").available(n)
                .link("k", "m").available(n).lookup("m").detach("k").available(n).lookup("m").detach("k")
                .link("k2", "m").available(n).detach("k2").build());
        l.add(s("link: map without BPF_F_LINK").tcpProgs().map("m", TCP, 0)
                .update("m", ValueSpec.of().name(name()).tcpRequired()).link("k", "m").build());
        l.add(s("link: BPF_F_LINK map still INIT").linkMap("m", TCP).link("k", "m").build());
        l.add(s("link: fd not open").link("k", "#bad").build());
        l.add(s("link: program fd as the map").prog(TCP, "ssthresh").link("k", "ssthresh").build());
        String dup = name();
        l.add(s("link: two maps with one name").tcpProgs().linkMap("m1", TCP).linkMap("m2", TCP)
                .update("m1", ValueSpec.of().name(dup).tcpRequired()).update("m2", ValueSpec.of().name(dup).tcpRequired())
                .link("k1", "m1").link("k2", "m2").build());
        String same = name();
        l.add(s("link: update to a map with the same name, then REPLACE").tcpProgs().linkMap("m1", TCP).linkMap("m2", TCP).linkMap("m3", TCP)
                .update("m1", ValueSpec.of().name(same).tcpRequired()).update("m2", ValueSpec.of().name(same).tcpRequired())
                .update("m3", ValueSpec.of().name(same).tcpRequired())
                .link("k", "m1").linkUpdate("k", "m2").available(same).lookup("m1").lookup("m2")
                .step(new Step.LinkUpdate("k", "m3", 4, "m2")).lookup("m3")
                .step(new Step.LinkUpdate("k", "m1", 4, "m2")).build());
        l.add(s("link: update to a map with another name").tcpProgs().linkMap("m1", TCP).linkMap("m2", TCP)
                .update("m1", ValueSpec.of().name(name()).tcpRequired()).update("m2", ValueSpec.of().name(name()).tcpRequired())
                .link("k", "m1").linkUpdate("k", "m2").build());
        String o = name();
        l.add(s("link: old_map_fd without BPF_F_REPLACE").tcpProgs().linkMap("m1", TCP).linkMap("m2", TCP)
                .update("m1", ValueSpec.of().name(o).tcpRequired()).update("m2", ValueSpec.of().name(o).tcpRequired())
                .link("k", "m1").step(new Step.LinkUpdate("k", "m2", 0, "m1")).build());
        String d = name();
        l.add(s("link: update after detach").tcpProgs().linkMap("m1", TCP).linkMap("m2", TCP)
                .update("m1", ValueSpec.of().name(d).tcpRequired()).update("m2", ValueSpec.of().name(d).tcpRequired())
                .link("k", "m1").detach("k").linkUpdate("k", "m2").build());
        l.add(s("link: update to an INIT map").tcpProgs().linkMap("m1", TCP).linkMap("m2", TCP)
                .update("m1", ValueSpec.of().name(name()).tcpRequired()).link("k", "m1").linkUpdate("k", "m2").build());
        l.add(s("link: update to a registered non-link map").tcpProgs().linkMap("m1", TCP).map("m2", TCP, 0)
                .update("m1", ValueSpec.of().name(name()).tcpRequired()).update("m2", ValueSpec.of().name(name()).tcpRequired())
                .link("k", "m1").linkUpdate("k", "m2").build());
        String f = name();
        l.add(s("link: update with unknown flag").tcpProgs().linkMap("m1", TCP).linkMap("m2", TCP)
                .update("m1", ValueSpec.of().name(f).tcpRequired()).update("m2", ValueSpec.of().name(f).tcpRequired())
                .link("k", "m1").step(new Step.LinkUpdate("k", "m2", 1, "#0")).build());
        l.add(s("link: update through a map fd or a closed fd").tcpProgs().linkMap("m1", TCP)
                .update("m1", ValueSpec.of().name(name()).tcpRequired()).linkUpdate("m1", "m1").linkUpdate("#bad", "m1").build());
        l.add(s("link: delete of a BPF_F_LINK map").tcpProgs().linkMap("m", TCP)
                .update("m", ValueSpec.of().name(name()).tcpRequired()).delete("m").lookup("m").build());
    }

    private void dummy(List<Scenario> l) {
        l.add(s("dummy: update fails in init_member").prog(DUMMY, "test_1").map("m", DUMMY, 0)
                .update("m", ValueSpec.of().func("test_1", "test_1")).lookup("m").build());
        l.add(s("dummy: empty update fails too").map("m", DUMMY, 0).update("m", ValueSpec.of()).build());
        l.add(s("dummy: BPF_F_LINK map never READY").prog(DUMMY, "test_1").map("m", DUMMY, MapAttrs.BPF_F_LINK)
                .update("m", ValueSpec.of().func("test_1", "test_1")).link("k", "m").build());
        l.add(s("dummy: test_run test_1 with NULL and with a state").prog("p", DUMMY, "test_1", new ProgBody.StateValOr(42))
                .testRun("p", null, 1).testRun("p", 7, 1).build());
        l.add(s("dummy: test_run test_2 with NULL state").prog("p", DUMMY, "test_2", new ProgBody.RetConst(3))
                .testRun("p", null, 5, 1, 2, 3, 4).testRun("p", 9, 5, 1, 2, 3, 4).build());
        l.add(s("dummy: test_run wrong ctx size, no ctx").prog("p", DUMMY, "test_1", new ProgBody.RetConst(1))
                .testRun("p", null, 2).testRun("p", null, -1).build());
        l.add(s("dummy: test_run of a sleepable test_sleepable")
                .load("p", DUMMY, "test_sleepable", null, null, SLEEPABLE, "GPL", new ProgBody.StateValOr(5)).testRun("p", 11, 1).build());
        l.add(s("test_run: tcp program").prog("p", TCP, "ssthresh", new ProgBody.RetConst(2)).testRun("p", null, 1).build());
    }
}
