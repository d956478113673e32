package io.kflab.catalog.hook;

/** A kfunc hook (kernel: enum btf_kfunc_hook, BTF_KFUNC_HOOK_*): where registered kfunc sets are kept per program-type group. */
public enum Hook {
    COMMON, XDP, TC, STRUCT_OPS, TRACING, SYSCALL, FMODRET, CGROUP, SCHED_ACT, SK_SKB, SOCKET_FILTER, LWT, NETFILTER, KPROBE
}
