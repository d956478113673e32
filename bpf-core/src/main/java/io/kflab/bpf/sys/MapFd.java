package io.kflab.bpf.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/** A BPF map (kernel: struct bpf_map behind an fd, from BPF_MAP_CREATE) with its element commands. */
public final class MapFd extends BpfFd {
    /** Update flag (kernel: BPF_ANY): create or update. */
    public static final long BPF_ANY = 0;
    /** Update flag (kernel: BPF_NOEXIST): create only. */
    public static final long BPF_NOEXIST = 1;
    /** Update flag (kernel: BPF_EXIST): update only. */
    public static final long BPF_EXIST = 2;
    /** Lookup/update flag (kernel: BPF_F_LOCK). */
    public static final long BPF_F_LOCK = 4;

    private final MapType mapType;
    private final int keySize;
    private final int valueSize;

    MapFd(int fd, MapType mapType, int keySize, int valueSize) {
        super(fd);
        this.mapType = mapType;
        this.keySize = keySize;
        this.valueSize = valueSize;
    }

    public MapType mapType() {
        return mapType;
    }

    public int keySize() {
        return keySize;
    }

    public int valueSize() {
        return valueSize;
    }

    /** Bytes a lookup/update value has: value_size, or round_up(value_size, 8) × possible CPUs for per-CPU maps. */
    public int valueBufferSize() {
        return switch (mapType) {
            case PERCPU_HASH, PERCPU_ARRAY, LRU_PERCPU_HASH, PERCPU_CGROUP_STORAGE ->
                    ((valueSize + 7) & ~7) * PossibleCpus.COUNT;
            default -> valueSize;
        };
    }

    /** BPF_MAP_LOOKUP_ELEM; a missing key throws with ENOENT. */
    public byte[] lookupElem(byte[] key) {
        return lookupElem(key, 0);
    }

    /** BPF_MAP_LOOKUP_ELEM with flags (e.g. {@link #BPF_F_LOCK}). */
    public byte[] lookupElem(byte[] key, long flags) {
        checkKey(key);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(Math.max(1, valueBufferSize()));
            elem(arena, BpfCmd.BPF_MAP_LOOKUP_ELEM, key, value, flags);
            return value.asSlice(0, valueBufferSize()).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** BPF_MAP_LOOKUP_ELEM, with a missing key as empty. */
    public Optional<byte[]> find(byte[] key) {
        try {
            return Optional.of(lookupElem(key));
        } catch (BpfException e) {
            if (e.errno().equals(Errno.ENOENT)) return Optional.empty();
            throw e;
        }
    }

    /** BPF_MAP_UPDATE_ELEM with {@link #BPF_ANY}. */
    public void updateElem(byte[] key, byte[] value) {
        updateElem(key, value, BPF_ANY);
    }

    /** BPF_MAP_UPDATE_ELEM with flags {@link #BPF_ANY}, {@link #BPF_NOEXIST}, {@link #BPF_EXIST}, {@link #BPF_F_LOCK}. */
    public void updateElem(byte[] key, byte[] value, long flags) {
        checkKey(key);
        if (value.length != valueBufferSize()) {
            throw new IllegalArgumentException("value has " + value.length + " bytes; map wants " + valueBufferSize());
        }
        try (Arena arena = Arena.ofConfined()) {
            elem(arena, BpfCmd.BPF_MAP_UPDATE_ELEM, key, arena.allocateFrom(ValueLayout.JAVA_BYTE, value), flags);
        }
    }

    /**
     * BPF_MAP_UPDATE_ELEM returning the syscall's non-negative result as is (struct_ops updates
     * can return a positive value); failures throw {@link BpfException}.
     */
    public long updateElemResult(byte[] key, byte[] value, long flags) {
        checkKey(key);
        if (value.length != valueBufferSize()) {
            throw new IllegalArgumentException("value has " + value.length + " bytes; map wants " + valueBufferSize());
        }
        try (Arena arena = Arena.ofConfined()) {
            return elem(arena, BpfCmd.BPF_MAP_UPDATE_ELEM, key, arena.allocateFrom(ValueLayout.JAVA_BYTE, value), flags);
        }
    }

    /** BPF_MAP_DELETE_ELEM. */
    public void deleteElem(byte[] key) {
        checkKey(key);
        try (Arena arena = Arena.ofConfined()) {
            elem(arena, BpfCmd.BPF_MAP_DELETE_ELEM, key, MemorySegment.NULL, 0);
        }
    }

    /** BPF_MAP_GET_NEXT_KEY: the key after {@code key} (null: the first key); empty at the end (the kernel's ENOENT). */
    public Optional<byte[]> getNextKey(byte[] key) {
        if (key != null) checkKey(key);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment next = arena.allocate(Math.max(1, keySize));
            try {
                elem(arena, BpfCmd.BPF_MAP_GET_NEXT_KEY, key, next, 0);
            } catch (BpfException e) {
                if (e.errno().equals(Errno.ENOENT)) return Optional.empty();
                throw e;
            }
            return Optional.of(next.asSlice(0, keySize).toArray(ValueLayout.JAVA_BYTE));
        }
    }

    /** BPF_OBJ_GET_INFO_BY_FD: the kernel's struct bpf_map_info. */
    public MapInfo info() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(BpfInfoLayout.MAP_INFO);
            return MapInfo.read(Bpf.objGetInfo(arena, fd(), BpfInfoLayout.MAP_INFO, info));
        }
    }

    private long elem(Arena arena, BpfCmd cmd, byte[] key, MemorySegment value, long flags) {
        MemorySegment attr = arena.allocate(BpfAttr.MAP_ELEM);
        A.MAP_FD.set(attr, fd());
        A.KEY.set(attr, key == null ? 0L : arena.allocateFrom(ValueLayout.JAVA_BYTE, key).address());
        A.VALUE.set(attr, value.address());
        A.FLAGS.set(attr, flags);
        return Bpf.call(arena, cmd, attr, BpfAttr.MAP_ELEM);
    }

    private void checkKey(byte[] key) {
        if (key.length != keySize) {
            throw new IllegalArgumentException("key has " + key.length + " bytes; map wants " + keySize);
        }
    }

    private static final class A {
        static final VarHandle MAP_FD = BpfAttr.h(BpfAttr.MAP_ELEM, "map_fd");
        static final VarHandle KEY = BpfAttr.h(BpfAttr.MAP_ELEM, "key");
        static final VarHandle VALUE = BpfAttr.h(BpfAttr.MAP_ELEM, "value");
        static final VarHandle FLAGS = BpfAttr.h(BpfAttr.MAP_ELEM, "flags");
    }
}
