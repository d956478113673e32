package io.kflab.catalog.dsl;

import java.util.Set;

/** The kernel's names a design is checked against: KF_* flags, argument suffixes, program types and hooks, designs. */
final class KernelNames {
    private KernelNames() {}

    static final Set<String> KF_FLAGS = Set.of("KF_ACQUIRE", "KF_RELEASE", "KF_RET_NULL", "KF_KPTR_GET",
            "KF_TRUSTED_ARGS", "KF_SLEEPABLE", "KF_DESTRUCTIVE", "KF_RCU", "KF_ITER_NEW", "KF_ITER_NEXT",
            "KF_ITER_DESTROY", "KF_RCU_PROTECTED", "KF_FASTCALL", "KF_ARENA_RET", "KF_ARENA_ARG1", "KF_ARENA_ARG2",
            "KF_IMPLICIT_ARGS", "KF_SPINLOCK_SAFE", "KF_PERFMON", "KF_DEPRECATED");

    /** Parameter-name suffixes the verifier matches (kfunc arguments and struct_ops stubs). */
    static final Set<String> SUFFIXES = Set.of("sz", "szk", "k", "uninit", "opt", "nullable", "str", "ign", "map",
            "alloc", "refcounted_kptr", "iter", "prog", "irq_flag", "const_map", "nonown_allowed", "arena", "ref");

    /** Program types (lower case, without BPF_PROG_TYPE_) and kfunc hooks. */
    static final Set<String> PROG_TYPES_AND_HOOKS = Set.of("unspec", "common", "socket_filter", "kprobe", "sched_cls",
            "tc", "sched_act", "tracepoint", "xdp", "perf_event", "cgroup_skb", "cgroup_sock", "lwt_in", "lwt_out",
            "lwt_xmit", "sock_ops", "sk_skb", "cgroup_device", "sk_msg", "raw_tracepoint", "cgroup_sock_addr",
            "lwt_seg6local", "lirc_mode2", "sk_reuseport", "flow_dissector", "cgroup_sysctl",
            "raw_tracepoint_writable", "cgroup_sockopt", "tracing", "struct_ops", "ext", "lsm", "sk_lookup",
            "syscall", "netfilter", "cgroup", "lwt", "fmodret");

    /** The resolution designs of docs/kfunc-designs (a)–(h). */
    static final Set<String> DESIGNS = Set.of("RUNTIME_MASK", "LOAD_FILTER", "POLYMORPHIC", "REMAP", "SPECIALIZE",
            "IMPLICIT_ARGS", "BUILD_TIME", "ARG_TYPE");
}
