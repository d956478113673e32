package io.kflab.catalog.matrix;

import static io.kflab.bpf.sys.ProgType.*;

import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.context.Truth;
import io.kflab.catalog.structops.OpsMember;
import io.kflab.catalog.structops.StructOpsType;
import java.util.ArrayList;
import java.util.List;

/**
 * The default matrix columns for a catalog: the program-type contexts the 6.18 probe used (with
 * the attach types that change verdicts: kprobe vs kprobe_session, tracing fentry vs iter, lsm,
 * sleepable or not), then one column per member of each struct_ops type of the catalog
 * (sleepable when the member may sleep; data fields have no column).
 */
public final class DefaultContexts {
    private DefaultContexts() {}

    /** The program-type contexts, in matrix order. */
    public static List<CallingContext> programContexts() {
        List<CallingContext> out = new ArrayList<>();
        for (ProgType t : List.of(SOCKET_FILTER, SCHED_CLS, SCHED_ACT, XDP, CGROUP_SKB, CGROUP_SOCK, CGROUP_DEVICE,
                CGROUP_SOCK_ADDR, CGROUP_SYSCTL, CGROUP_SOCKOPT, SOCK_OPS, SK_SKB, SK_MSG, SK_LOOKUP, SK_REUSEPORT,
                FLOW_DISSECTOR, LWT_IN, LWT_OUT, LWT_XMIT, LWT_SEG6LOCAL, NETFILTER, TRACEPOINT, RAW_TRACEPOINT, PERF_EVENT)) {
            out.add(CallingContext.of(t));
        }
        out.add(CallingContext.of(KPROBE));
        out.add(CallingContext.of(KPROBE, AttachType.TRACE_KPROBE_SESSION));
        out.add(CallingContext.of(TRACING, AttachType.TRACE_FENTRY));
        out.add(CallingContext.of(TRACING, AttachType.TRACE_ITER));
        out.add(CallingContext.of(TRACING, AttachType.TRACE_ITER).asSleepable());
        out.add(CallingContext.of(LSM, AttachType.LSM_MAC));
        out.add(CallingContext.of(LSM, AttachType.LSM_MAC).asSleepable());
        out.add(CallingContext.of(SYSCALL));
        out.add(CallingContext.of(SYSCALL).asSleepable());
        return List.copyOf(out);
    }

    /** {@link #programContexts()} plus every struct_ops member of the catalog. */
    public static List<CallingContext> of(Catalog catalog) {
        List<CallingContext> out = new ArrayList<>(programContexts());
        for (StructOpsType t : catalog.structOps().values()) {
            for (OpsMember m : t.members()) {
                if (!m.callback()) continue;
                CallingContext c = CallingContext.structOps(t.name(), m.name());
                out.add(m.sleepable() == Truth.TRUE ? c.asSleepable() : c);
            }
        }
        return List.copyOf(out);
    }
}
