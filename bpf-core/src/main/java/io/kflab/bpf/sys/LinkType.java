package io.kflab.bpf.sys;

import java.util.Optional;

/** A BPF link type (kernel: enum bpf_link_type, as of Linux 6.18). */
public enum LinkType implements KernelEnum {
    RAW_TRACEPOINT(1),
    TRACING(2),
    CGROUP(3),
    ITER(4),
    NETNS(5),
    XDP(6),
    PERF_EVENT(7),
    KPROBE_MULTI(8),
    STRUCT_OPS(9),
    NETFILTER(10),
    TCX(11),
    UPROBE_MULTI(12),
    NETKIT(13),
    SOCKMAP(14);

    private final int value;

    LinkType(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /** The constant with this kernel value, if this enum knows it. */
    public static Optional<LinkType> of(int value) {
        return KernelEnum.of(LinkType.class, value);
    }

    @Override
    public String prefix() {
        return "BPF_LINK_TYPE_";
    }

    /** The constant for a {@link #cliName()} (case-insensitive; the kernel's prefix may be present). */
    public static Optional<LinkType> fromCliName(String name) {
        return KernelEnum.fromCliName(LinkType.class, name);
    }
}
