package io.kflab.bpf.sys;

import java.util.Optional;

/** A BPF map type (kernel: enum bpf_map_type, as of Linux 6.18). */
public enum MapType implements KernelEnum {
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

    private final int value;

    MapType(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /** The constant with this kernel value, if this enum knows it. */
    public static Optional<MapType> of(int value) {
        return KernelEnum.of(MapType.class, value);
    }

    @Override
    public String prefix() {
        return "BPF_MAP_TYPE_";
    }

    /** The constant for a {@link #cliName()} (case-insensitive; the kernel's prefix may be present). */
    public static Optional<MapType> fromCliName(String name) {
        return KernelEnum.fromCliName(MapType.class, name);
    }
}
