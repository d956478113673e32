package io.kflab.verifier.structops;

import java.util.ArrayList;
import java.util.List;

/** Hand-built struct_ops types with the 6.18 layouts, so that model tests need no kernel BTF. */
final class TestTypes {
    private TestTypes() {}

    static final int TCP_ID = 1000, TCP_VALUE_ID = 1001, DUMMY_ID = 2000, DUMMY_VALUE_ID = 2001;

    static StructOpsType tcp() {
        List<OpsMember> m = new ArrayList<>();
        String[] funcs = {"ssthresh", "cong_avoid", "set_state", "cwnd_event", "in_ack_event", "pkts_acked", "min_tso_segs",
            "cong_control", "undo_cwnd", "sndbuf_expand", "get_info"};
        boolean[] returns = {true, false, false, false, false, false, true, false, true, true, true};
        for (int i = 0; i < funcs.length; i++) m.add(new OpsMember.Func(funcs[i], i, 8 * i, 8, returns[i], List.of("struct sock *")));
        m.add(new OpsMember.Data("name", 11, 88, 16, false));
        m.add(new OpsMember.Data("owner", 12, 104, 8, true));
        m.add(new OpsMember.Data("list", 13, 112, 16, false));
        m.add(new OpsMember.Data("key", 14, 128, 4, false));
        m.add(new OpsMember.Data("flags", 15, 132, 4, false));
        m.add(new OpsMember.Func("init", 16, 136, 8, false, List.of("struct sock *")));
        m.add(new OpsMember.Func("release", 17, 144, 8, false, List.of("struct sock *")));
        return new StructOpsType("tcp_congestion_ops", TCP_ID, TCP_VALUE_ID, 256, 64, 192, m);
    }

    static StructOpsType dummy() {
        return new StructOpsType("bpf_dummy_ops", DUMMY_ID, DUMMY_VALUE_ID, 128, 64, 24, List.of(
                new OpsMember.Func("test_1", 0, 0, 8, true, List.of("struct bpf_dummy_ops_state *")),
                new OpsMember.Func("test_2", 1, 8, 8, true, List.of("struct bpf_dummy_ops_state *", "int",
                        "short unsigned int", "char", "long unsigned int")),
                new OpsMember.Func("test_sleepable", 2, 16, 8, true, List.of("struct bpf_dummy_ops_state *"))));
    }

    static StructOpsCatalog catalog() {
        return new StructOpsCatalog(List.of(tcp(), dummy()))
                .register(new TcpCongestionOps(List.of("reno", "cubic"), TcpCongestionOps.CONG_MASK_6_18))
                .register(new BpfDummyOps());
    }
}
