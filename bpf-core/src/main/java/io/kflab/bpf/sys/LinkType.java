package io.kflab.bpf.sys;

import java.util.Locale;
import java.util.Optional;

/** A BPF link type (kernel: enum bpf_link_type, as of Linux 6.18). */
public enum LinkType {
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

    private static final LinkType[] BY_VALUE;

    static {
        int max = 0;
        for (LinkType t : values()) max = Math.max(max, t.value);
        BY_VALUE = new LinkType[max + 1];
        for (LinkType t : values()) BY_VALUE[t.value] = t;
    }

    private final int value;

    LinkType(int value) {
        this.value = value;
    }

    /** The kernel's numeric value. */
    public int value() {
        return value;
    }

    /** The constant with this kernel value, if this enum knows it. */
    public static Optional<LinkType> of(int value) {
        return value >= 0 && value < BY_VALUE.length ? Optional.ofNullable(BY_VALUE[value]) : Optional.empty();
    }

    /** The kernel's name of the constant, with its prefix. */
    public String kernelName() {
        return "BPF_LINK_TYPE_" + name();
    }

    /** The kernel's enum name in lower case without the {@code BPF_LINK_TYPE_} prefix, e.g. {@code raw_tracepoint}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a {@link #cliName()} (case-insensitive; the kernel's prefix may be present). */
    public static Optional<LinkType> fromCliName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("BPF_LINK_TYPE_")) n = n.substring("BPF_LINK_TYPE_".length());
        for (LinkType t : values()) if (t.name().equals(n)) return Optional.of(t);
        return Optional.empty();
    }
}
