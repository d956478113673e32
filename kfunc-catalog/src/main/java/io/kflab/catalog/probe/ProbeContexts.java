package io.kflab.catalog.probe;

import static io.kflab.bpf.sys.ProgLoad.BPF_F_SLEEPABLE;
import static io.kflab.bpf.sys.ProgLoad.BPF_F_XDP_DEV_BOUND_ONLY;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.btf.BtfMember;
import io.kflab.bpf.btf.BtfPtr;
import io.kflab.bpf.btf.StructOpsMember;
import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The standard list of kfunc calling contexts (kernel: enum bpf_prog_type × the attach types and
 * targets that select a kfunc hook or filter), with the attach targets looked up in vmlinux BTF.
 */
public final class ProbeContexts {
    private ProbeContexts() {}

    /** fentry/fexit target: a test function in net/bpf/test_run.c, in the fmod_ret set with KF_SLEEPABLE. */
    public static final String FENTRY_TARGET = "bpf_fentry_test1";
    /** fmod_ret target: a test function registered in the fmod_ret kfunc set. */
    public static final String FMOD_RET_TARGET = "bpf_modify_return_test";
    /** tp_btf target: the BTF typedef of a raw tracepoint. */
    public static final String TP_BTF_TARGET = "btf_trace_sched_switch";
    /** iter target: the task iterator. */
    public static final String ITER_TARGET = "bpf_iter_task";
    /** lsm target: an LSM hook in the sleepable hook set. */
    public static final String LSM_TARGET = "bpf_lsm_file_open";
    /** lsm_cgroup target: a per-cgroup LSM hook. */
    public static final String LSM_CGROUP_TARGET = "bpf_lsm_socket_bind";
    /** Where network devices are listed (kernel: /sys/class/net/<dev>/ifindex). */
    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    /** Every program-type context, then every struct_ops member (and its sleepable variant) in {@code btf}. */
    public static List<ProbeContext> standard(Btf btf) {
        List<ProbeContext> out = new ArrayList<>(programTypes(btf));
        out.addAll(structOps(btf));
        return List.copyOf(out);
    }

    /** Contexts of the program types other than struct_ops. */
    public static List<ProbeContext> programTypes(Btf btf) {
        List<ProbeContext> c = new ArrayList<>();
        c.add(ProbeContext.of("socket_filter", ProgType.SOCKET_FILTER));
        c.add(attach("kprobe", ProgType.KPROBE, 0, "").withSleepableVariant("uprobe.s"));
        c.add(attach("uprobe.s", ProgType.KPROBE, 0, "sleepable: only uprobes may sleep").flags(BPF_F_SLEEPABLE));
        c.add(attach("kprobe.multi", ProgType.KPROBE, AttachType.TRACE_KPROBE_MULTI.value(), "expected_attach_type"));
        c.add(attach("kprobe.session", ProgType.KPROBE, AttachType.TRACE_KPROBE_SESSION.value(), "expected_attach_type"));
        c.add(attach("uprobe.multi", ProgType.KPROBE, AttachType.TRACE_UPROBE_MULTI.value(), "expected_attach_type")
                .withSleepableVariant("uprobe.multi.s"));
        c.add(attach("uprobe.multi.s", ProgType.KPROBE, AttachType.TRACE_UPROBE_MULTI.value(),
                "expected_attach_type, sleepable").flags(BPF_F_SLEEPABLE));
        c.add(ProbeContext.of("tc", ProgType.SCHED_CLS));
        c.add(ProbeContext.of("sched_act", ProgType.SCHED_ACT));
        c.add(ProbeContext.of("tracepoint", ProgType.TRACEPOINT));
        c.add(ProbeContext.of("xdp", ProgType.XDP));
        Optional<NetDevice> dev = devBoundDevice();
        c.add(new ProbeContext("xdp.dev_bound", ProgType.XDP, 0, 0, dev.map(NetDevice::name).orElse(""),
                BPF_F_XDP_DEV_BOUND_ONLY, dev.map(NetDevice::ifindex).orElse(0), "",
                "BPF_F_XDP_DEV_BOUND_ONLY and prog_ifindex of a device with a driver"
                        + dev.map(d -> " (" + d.name() + ")").orElse(" (none found)")));
        c.add(ProbeContext.of("perf_event", ProgType.PERF_EVENT));
        c.add(attach("cgroup_skb", ProgType.CGROUP_SKB, AttachType.CGROUP_INET_INGRESS.value(), ""));
        c.add(attach("cgroup_sock", ProgType.CGROUP_SOCK, AttachType.CGROUP_INET_SOCK_CREATE.value(), ""));
        c.add(ProbeContext.of("lwt_in", ProgType.LWT_IN));
        c.add(ProbeContext.of("lwt_out", ProgType.LWT_OUT));
        c.add(ProbeContext.of("lwt_xmit", ProgType.LWT_XMIT));
        c.add(ProbeContext.of("lwt_seg6local", ProgType.LWT_SEG6LOCAL));
        c.add(ProbeContext.of("sock_ops", ProgType.SOCK_OPS));
        c.add(attach("sk_skb", ProgType.SK_SKB, AttachType.SK_SKB_STREAM_VERDICT.value(), ""));
        c.add(attach("cgroup_device", ProgType.CGROUP_DEVICE, AttachType.CGROUP_DEVICE.value(), ""));
        c.add(attach("sk_msg", ProgType.SK_MSG, AttachType.SK_MSG_VERDICT.value(), ""));
        c.add(ProbeContext.of("raw_tracepoint", ProgType.RAW_TRACEPOINT));
        c.add(ProbeContext.of("raw_tracepoint_writable", ProgType.RAW_TRACEPOINT_WRITABLE));
        c.add(attach("cgroup_sock_addr", ProgType.CGROUP_SOCK_ADDR, AttachType.CGROUP_INET4_CONNECT.value(),
                "expected_attach_type"));
        c.add(attach("cgroup_sock_addr.unix", ProgType.CGROUP_SOCK_ADDR, AttachType.CGROUP_UNIX_CONNECT.value(),
                "expected_attach_type"));
        c.add(ProbeContext.of("sk_reuseport", ProgType.SK_REUSEPORT));
        c.add(ProbeContext.of("flow_dissector", ProgType.FLOW_DISSECTOR));
        c.add(attach("cgroup_sysctl", ProgType.CGROUP_SYSCTL, AttachType.CGROUP_SYSCTL.value(), ""));
        c.add(attach("cgroup_sockopt", ProgType.CGROUP_SOCKOPT, AttachType.CGROUP_GETSOCKOPT.value(),
                "expected_attach_type"));
        c.add(attach("sk_lookup", ProgType.SK_LOOKUP, AttachType.SK_LOOKUP.value(), "expected_attach_type"));
        c.add(attach("netfilter", ProgType.NETFILTER, AttachType.NETFILTER.value(), "expected_attach_type"));
        c.add(ProbeContext.of("syscall", ProgType.SYSCALL).withSleepableVariant("syscall.s"));
        c.add(attach("syscall.s", ProgType.SYSCALL, 0, "sleepable").flags(BPF_F_SLEEPABLE));
        c.addAll(target(btf, "fentry", ProgType.TRACING, AttachType.TRACE_FENTRY, FENTRY_TARGET, BtfKind.FUNC, true));
        c.addAll(target(btf, "fexit", ProgType.TRACING, AttachType.TRACE_FEXIT, FENTRY_TARGET, BtfKind.FUNC, true));
        c.addAll(target(btf, "fmod_ret", ProgType.TRACING, AttachType.MODIFY_RETURN, FMOD_RET_TARGET, BtfKind.FUNC, true));
        c.addAll(target(btf, "tp_btf", ProgType.TRACING, AttachType.TRACE_RAW_TP, TP_BTF_TARGET, BtfKind.TYPEDEF, false));
        c.addAll(target(btf, "iter", ProgType.TRACING, AttachType.TRACE_ITER, ITER_TARGET, BtfKind.FUNC, true));
        c.addAll(target(btf, "lsm", ProgType.LSM, AttachType.LSM_MAC, LSM_TARGET, BtfKind.FUNC, true));
        c.addAll(target(btf, "lsm_cgroup", ProgType.LSM, AttachType.LSM_CGROUP, LSM_CGROUP_TARGET, BtfKind.FUNC, false));
        return List.copyOf(c);
    }

    /**
     * One context per function-pointer member of every struct_ops type in {@code btf}
     * ({@code struct:member}, attach_btf_id = the struct, expected_attach_type = the member index),
     * each followed by its sleepable variant ({@code struct:member.s}).
     */
    public static List<ProbeContext> structOps(Btf btf) {
        List<ProbeContext> c = new ArrayList<>();
        for (String type : StructOpsMember.types(btf)) {
            int structId = btf.findByName(type, BtfKind.STRUCT).orElseThrow();
            List<BtfMember> members = btf.members(structId);
            for (int i = 0; i < members.size(); i++) {
                if (!isFunctionPointer(btf, members.get(i).type())) continue;
                String name = type + ":" + members.get(i).name();
                String needs = "attach_btf_id of struct " + type + ", expected_attach_type = member index " + i;
                c.add(new ProbeContext(name, ProgType.STRUCT_OPS, i, structId, type, 0, 0, name + ".s", needs));
                c.add(new ProbeContext(name + ".s", ProgType.STRUCT_OPS, i, structId, type, BPF_F_SLEEPABLE, 0, "",
                        needs + ", sleepable"));
            }
        }
        return List.copyOf(c);
    }

    /** A network device (kernel: struct net_device's name and ifindex). */
    record NetDevice(String name, int ifindex) {}

    /**
     * The device a dev-bound XDP program binds to: the lowest-ifindex device backed by a driver
     * ({@code device/driver} in sysfs; loopback and virtual devices refuse with EOPNOTSUPP).
     */
    static Optional<NetDevice> devBoundDevice() {
        try (Stream<Path> devs = Files.list(SYS_CLASS_NET)) {
            return devs.filter(d -> Files.exists(d.resolve("device").resolve("driver")))
                    .flatMap(d -> {
                        try {
                            int ifindex = Integer.parseInt(Files.readString(d.resolve("ifindex")).strip());
                            return Stream.of(new NetDevice(d.getFileName().toString(), ifindex));
                        } catch (IOException | NumberFormatException e) {
                            return Stream.empty();
                        }
                    })
                    .min(Comparator.comparingInt(NetDevice::ifindex));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean isFunctionPointer(Btf btf, int typeId) {
        int t = btf.resolve(typeId);
        return btf.type(t) instanceof BtfPtr p && btf.kind(btf.resolve(p.type())) == BtfKind.FUNC_PROTO;
    }

    private static List<ProbeContext> target(Btf btf, String name, ProgType type, AttachType attach, String target,
                                             BtfKind kind, boolean sleepableVariant) {
        OptionalInt id = btf.findByName(target, kind);
        String needs = "expected_attach_type " + attach.kernelName() + ", attach_btf_id of " + target
                + (id.isEmpty() ? " (missing from BTF)" : "");
        int btfId = id.orElse(0);
        ProbeContext plain = new ProbeContext(name, type, attach.value(), btfId, target, 0, 0,
                sleepableVariant ? name + ".s" : "", needs);
        if (!sleepableVariant) return List.of(plain);
        return List.of(plain, new ProbeContext(name + ".s", type, attach.value(), btfId, target, BPF_F_SLEEPABLE, 0, "",
                needs + ", sleepable"));
    }

    private static ProbeContext attach(String name, ProgType type, int attachType, String needs) {
        return new ProbeContext(name, type, attachType, 0, "", 0, 0, "", needs);
    }
}
