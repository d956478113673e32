package io.kflab.bpf.sys;

import java.util.Locale;
import java.util.Optional;

/** A BPF map type (kernel: enum bpf_map_type, as of Linux 6.18). */
public enum MapType {
    HASH(1),
    ARRAY(2),
    PROG_ARRAY(3),
    PERF_EVENT_ARRAY(4),
    PERCPU_HASH(5),
    PERCPU_ARRAY(6),
    STACK_TRACE(7),
    CGROUP_ARRAY(8),
    LRU_HASH(9),
    LRU_PERCPU_HASH(10),
    LPM_TRIE(11),
    ARRAY_OF_MAPS(12),
    HASH_OF_MAPS(13),
    DEVMAP(14),
    SOCKMAP(15),
    CPUMAP(16),
    XSKMAP(17),
    SOCKHASH(18),
    /** Kernel: BPF_MAP_TYPE_CGROUP_STORAGE (= BPF_MAP_TYPE_CGROUP_STORAGE_DEPRECATED). */
    CGROUP_STORAGE(19),
    REUSEPORT_SOCKARRAY(20),
    /** Kernel: BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE (= ..._DEPRECATED). */
    PERCPU_CGROUP_STORAGE(21),
    QUEUE(22),
    STACK(23),
    SK_STORAGE(24),
    DEVMAP_HASH(25),
    STRUCT_OPS(26),
    RINGBUF(27),
    INODE_STORAGE(28),
    TASK_STORAGE(29),
    BLOOM_FILTER(30),
    USER_RINGBUF(31),
    CGRP_STORAGE(32),
    ARENA(33);

    private static final MapType[] BY_VALUE;

    static {
        int max = 0;
        for (MapType t : values()) max = Math.max(max, t.value);
        BY_VALUE = new MapType[max + 1];
        for (MapType t : values()) BY_VALUE[t.value] = t;
    }

    private final int value;

    MapType(int value) {
        this.value = value;
    }

    /** The kernel's numeric value. */
    public int value() {
        return value;
    }

    /** The constant with this kernel value, if this enum knows it. */
    public static Optional<MapType> of(int value) {
        return value >= 0 && value < BY_VALUE.length ? Optional.ofNullable(BY_VALUE[value]) : Optional.empty();
    }

    /** The kernel's name of the constant, with its prefix. */
    public String kernelName() {
        return "BPF_MAP_TYPE_" + name();
    }

    /** The kernel's enum name in lower case without the {@code BPF_MAP_TYPE_} prefix, e.g. {@code hash}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a {@link #cliName()} (case-insensitive; the kernel's prefix may be present). */
    public static Optional<MapType> fromCliName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("BPF_MAP_TYPE_")) n = n.substring("BPF_MAP_TYPE_".length());
        for (MapType t : values()) if (t.name().equals(n)) return Optional.of(t);
        return Optional.empty();
    }
}
