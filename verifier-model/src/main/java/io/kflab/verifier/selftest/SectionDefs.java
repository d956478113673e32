package io.kflab.verifier.selftest;

import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import java.util.Optional;

/**
 * libbpf's ELF section names (kernel: tools/lib/bpf section_defs) for the sections verifier
 * selftests use: program type, expected attach type, sleepable. Sections whose programs need an
 * attach target found through BTF (fentry/, lsm/, tp_btf/, iter/, struct_ops) are unsupported.
 */
final class SectionDefs {
    record Section(ProgType progType, Optional<AttachType> attachType, boolean sleepable) {}

    private SectionDefs() {}

    static Section lookup(String sec) {
        String s = sec.startsWith("?") ? sec.substring(1) : sec;
        String base = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
        String rest = s.contains("/") ? s.substring(s.indexOf('/') + 1) : "";
        boolean sleepable = base.endsWith(".s");
        String kind = sleepable ? base.substring(0, base.length() - 2) : base;
        return switch (kind) {
            case "socket" -> of(ProgType.SOCKET_FILTER, null, sleepable);
            case "tc", "classifier" -> of(ProgType.SCHED_CLS, rest.equals("ingress") ? AttachType.TCX_INGRESS
                    : rest.equals("egress") ? AttachType.TCX_EGRESS : null, false);
            case "tcx" -> of(ProgType.SCHED_CLS, rest.equals("egress") ? AttachType.TCX_EGRESS : AttachType.TCX_INGRESS, false);
            case "action" -> of(ProgType.SCHED_ACT, null, false);
            case "xdp" -> of(ProgType.XDP, AttachType.XDP, false);
            case "tracepoint", "tp" -> of(ProgType.TRACEPOINT, null, false);
            case "raw_tp", "raw_tracepoint" -> of(ProgType.RAW_TRACEPOINT, null, false);
            case "raw_tp.w", "raw_tracepoint.w" -> of(ProgType.RAW_TRACEPOINT_WRITABLE, null, false);
            case "kprobe", "kretprobe", "uprobe", "uretprobe" -> of(ProgType.KPROBE, null, sleepable);
            case "perf_event" -> of(ProgType.PERF_EVENT, null, false);
            case "lwt_in" -> of(ProgType.LWT_IN, null, false);
            case "lwt_out" -> of(ProgType.LWT_OUT, null, false);
            case "lwt_xmit" -> of(ProgType.LWT_XMIT, null, false);
            case "sk_msg" -> of(ProgType.SK_MSG, AttachType.SK_MSG_VERDICT, false);
            case "sk_skb" -> of(ProgType.SK_SKB, rest.equals("stream_parser") ? AttachType.SK_SKB_STREAM_PARSER
                    : rest.equals("stream_verdict") ? AttachType.SK_SKB_STREAM_VERDICT : null, false);
            case "sockops" -> of(ProgType.SOCK_OPS, AttachType.CGROUP_SOCK_OPS, false);
            case "sk_reuseport" -> of(ProgType.SK_REUSEPORT, AttachType.SK_REUSEPORT_SELECT, false);
            case "sk_lookup" -> of(ProgType.SK_LOOKUP, AttachType.SK_LOOKUP, false);
            case "flow_dissector" -> of(ProgType.FLOW_DISSECTOR, AttachType.FLOW_DISSECTOR, false);
            case "netfilter" -> of(ProgType.NETFILTER, AttachType.NETFILTER, false);
            case "syscall" -> of(ProgType.SYSCALL, null, true);
            case "cgroup" -> cgroup(rest, sec);
            case "cgroup_skb" -> of(ProgType.CGROUP_SKB, rest.equals("egress") ? AttachType.CGROUP_INET_EGRESS
                    : AttachType.CGROUP_INET_INGRESS, false);
            case "fentry", "fexit", "fmod_ret", "lsm", "tp_btf", "iter", "struct_ops", "freplace", "lsm_cgroup" ->
                    throw new UnsupportedConstruct("attach target through BTF", "SEC(\"" + sec + "\")");
            default -> throw new UnsupportedConstruct("unknown section", "SEC(\"" + sec + "\")");
        };
    }

    private static Section cgroup(String rest, String sec) {
        return switch (rest) {
            case "skb" -> of(ProgType.CGROUP_SKB, null, false);
            case "sock", "sock_create" -> of(ProgType.CGROUP_SOCK, AttachType.CGROUP_INET_SOCK_CREATE, false);
            case "sock_release" -> of(ProgType.CGROUP_SOCK, AttachType.CGROUP_INET_SOCK_RELEASE, false);
            case "post_bind4" -> of(ProgType.CGROUP_SOCK, AttachType.CGROUP_INET4_POST_BIND, false);
            case "post_bind6" -> of(ProgType.CGROUP_SOCK, AttachType.CGROUP_INET6_POST_BIND, false);
            case "dev" -> of(ProgType.CGROUP_DEVICE, AttachType.CGROUP_DEVICE, false);
            case "sysctl" -> of(ProgType.CGROUP_SYSCTL, AttachType.CGROUP_SYSCTL, false);
            case "getsockopt" -> of(ProgType.CGROUP_SOCKOPT, AttachType.CGROUP_GETSOCKOPT, false);
            case "setsockopt" -> of(ProgType.CGROUP_SOCKOPT, AttachType.CGROUP_SETSOCKOPT, false);
            case "bind4" -> addr(AttachType.CGROUP_INET4_BIND);
            case "bind6" -> addr(AttachType.CGROUP_INET6_BIND);
            case "connect4" -> addr(AttachType.CGROUP_INET4_CONNECT);
            case "connect6" -> addr(AttachType.CGROUP_INET6_CONNECT);
            case "connect_unix" -> addr(AttachType.CGROUP_UNIX_CONNECT);
            case "sendmsg4" -> addr(AttachType.CGROUP_UDP4_SENDMSG);
            case "sendmsg6" -> addr(AttachType.CGROUP_UDP6_SENDMSG);
            case "sendmsg_unix" -> addr(AttachType.CGROUP_UNIX_SENDMSG);
            case "recvmsg4" -> addr(AttachType.CGROUP_UDP4_RECVMSG);
            case "recvmsg6" -> addr(AttachType.CGROUP_UDP6_RECVMSG);
            case "recvmsg_unix" -> addr(AttachType.CGROUP_UNIX_RECVMSG);
            case "getpeername4" -> addr(AttachType.CGROUP_INET4_GETPEERNAME);
            case "getpeername6" -> addr(AttachType.CGROUP_INET6_GETPEERNAME);
            case "getpeername_unix" -> addr(AttachType.CGROUP_UNIX_GETPEERNAME);
            case "getsockname4" -> addr(AttachType.CGROUP_INET4_GETSOCKNAME);
            case "getsockname6" -> addr(AttachType.CGROUP_INET6_GETSOCKNAME);
            case "getsockname_unix" -> addr(AttachType.CGROUP_UNIX_GETSOCKNAME);
            default -> throw new UnsupportedConstruct("unknown section", "SEC(\"" + sec + "\")");
        };
    }

    private static Section addr(AttachType t) {
        return of(ProgType.CGROUP_SOCK_ADDR, t, false);
    }

    private static Section of(ProgType type, AttachType attach, boolean sleepable) {
        return new Section(type, Optional.ofNullable(attach), sleepable);
    }
}
