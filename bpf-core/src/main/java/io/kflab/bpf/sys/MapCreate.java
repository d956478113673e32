package io.kflab.bpf.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/** The BPF_MAP_CREATE command (kernel: union bpf_attr, map-create block), struct_ops maps included. */
public final class MapCreate {
    /** map_flags bit (kernel: BPF_F_NO_PREALLOC). */
    public static final int BPF_F_NO_PREALLOC = 1;
    /** map_flags bit (kernel: BPF_F_NO_COMMON_LRU). */
    public static final int BPF_F_NO_COMMON_LRU = 1 << 1;
    /** map_flags bit (kernel: BPF_F_NUMA_NODE). */
    public static final int BPF_F_NUMA_NODE = 1 << 2;
    /** map_flags bit (kernel: BPF_F_RDONLY). */
    public static final int BPF_F_RDONLY = 1 << 3;
    /** map_flags bit (kernel: BPF_F_WRONLY). */
    public static final int BPF_F_WRONLY = 1 << 4;
    /** map_flags bit (kernel: BPF_F_ZERO_SEED). */
    public static final int BPF_F_ZERO_SEED = 1 << 6;
    /** map_flags bit (kernel: BPF_F_RDONLY_PROG). */
    public static final int BPF_F_RDONLY_PROG = 1 << 7;
    /** map_flags bit (kernel: BPF_F_WRONLY_PROG). */
    public static final int BPF_F_WRONLY_PROG = 1 << 8;
    /** map_flags bit (kernel: BPF_F_MMAPABLE). */
    public static final int BPF_F_MMAPABLE = 1 << 10;
    /** map_flags bit (kernel: BPF_F_INNER_MAP). */
    public static final int BPF_F_INNER_MAP = 1 << 12;
    /** map_flags bit for struct_ops maps registered through a link (kernel: BPF_F_LINK). */
    public static final int BPF_F_LINK = 1 << 13;
    /** map_flags bit (kernel: BPF_F_VTYPE_BTF_OBJ_FD): value_type_btf_obj_fd is set. */
    public static final int BPF_F_VTYPE_BTF_OBJ_FD = 1 << 15;

    private final MapType mapType;
    private final int keySize;
    private final int valueSize;
    private final int maxEntries;
    private int mapFlags;
    private int innerMapFd;
    private int numaNode;
    private String mapName;
    private int mapIfindex;
    private int btfFd;
    private int btfKeyTypeId;
    private int btfValueTypeId;
    private int btfVmlinuxValueTypeId;
    private long mapExtra;
    private int valueTypeBtfObjFd;

    MapCreate(MapType mapType, int keySize, int valueSize, int maxEntries) {
        this.mapType = mapType;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.maxEntries = maxEntries;
    }

    /** map_flags, e.g. {@link #BPF_F_NO_PREALLOC}, {@link #BPF_F_LINK}. */
    public MapCreate mapFlags(int flags) {
        this.mapFlags = flags;
        return this;
    }

    /** inner_map_fd, for map-in-map types. */
    public MapCreate innerMap(MapFd inner) {
        this.innerMapFd = inner.fd();
        return this;
    }

    /** numa_node (set {@link #BPF_F_NUMA_NODE} too). */
    public MapCreate numaNode(int node) {
        this.numaNode = node;
        return this;
    }

    /** map_name (at most 15 bytes are kept). */
    public MapCreate mapName(String name) {
        this.mapName = name;
        return this;
    }

    /** map_ifindex, for offloaded maps. */
    public MapCreate mapIfindex(int ifindex) {
        this.mapIfindex = ifindex;
        return this;
    }

    /** btf_fd with btf_key_type_id and btf_value_type_id. */
    public MapCreate btf(BtfFd btf, int keyTypeId, int valueTypeId) {
        this.btfFd = btf.fd();
        this.btfKeyTypeId = keyTypeId;
        this.btfValueTypeId = valueTypeId;
        return this;
    }

    /**
     * btf_fd alone, as a raw descriptor number: struct_ops maps need a user-loaded BTF object here
     * even though their value type is a kernel type (any number, also a wrong one, for probing).
     */
    public MapCreate btfFd(int fd) {
        this.btfFd = fd;
        return this;
    }

    /** btf_vmlinux_value_type_id: for struct_ops maps, the id of {@code struct bpf_struct_ops_<name>} in vmlinux BTF. */
    public MapCreate btfVmlinuxValueTypeId(int id) {
        this.btfVmlinuxValueTypeId = id;
        return this;
    }

    /** value_type_btf_obj_fd: the module BTF holding btf_vmlinux_value_type_id (also sets {@link #BPF_F_VTYPE_BTF_OBJ_FD}). */
    public MapCreate valueTypeBtfObjFd(int fd) {
        this.valueTypeBtfObjFd = fd;
        this.mapFlags |= BPF_F_VTYPE_BTF_OBJ_FD;
        return this;
    }

    /** map_extra (bloom filter hashes, arena address, ...). */
    public MapCreate mapExtra(long extra) {
        this.mapExtra = extra;
        return this;
    }

    /** Creates the map; failures throw {@link BpfException}. */
    public MapFd create() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfAttr.MAP_CREATE);
            A.MAP_TYPE.set(attr, mapType.value());
            A.KEY_SIZE.set(attr, keySize);
            A.VALUE_SIZE.set(attr, valueSize);
            A.MAX_ENTRIES.set(attr, maxEntries);
            A.MAP_FLAGS.set(attr, mapFlags);
            A.INNER_MAP_FD.set(attr, innerMapFd);
            A.NUMA_NODE.set(attr, numaNode);
            BpfAttr.putName(attr, BpfAttr.MAP_CREATE, "map_name", mapName);
            A.MAP_IFINDEX.set(attr, mapIfindex);
            A.BTF_FD.set(attr, btfFd);
            A.BTF_KEY_TYPE_ID.set(attr, btfKeyTypeId);
            A.BTF_VALUE_TYPE_ID.set(attr, btfValueTypeId);
            A.BTF_VMLINUX_VALUE_TYPE_ID.set(attr, btfVmlinuxValueTypeId);
            A.MAP_EXTRA.set(attr, mapExtra);
            A.VALUE_TYPE_BTF_OBJ_FD.set(attr, valueTypeBtfObjFd);
            int fd = Bpf.fdCall(arena, BpfCmd.BPF_MAP_CREATE, attr, BpfAttr.MAP_CREATE);
            return new MapFd(fd, mapType, keySize, valueSize);
        }
    }

    private static final class A {
        static final VarHandle MAP_TYPE = h("map_type");
        static final VarHandle KEY_SIZE = h("key_size");
        static final VarHandle VALUE_SIZE = h("value_size");
        static final VarHandle MAX_ENTRIES = h("max_entries");
        static final VarHandle MAP_FLAGS = h("map_flags");
        static final VarHandle INNER_MAP_FD = h("inner_map_fd");
        static final VarHandle NUMA_NODE = h("numa_node");
        static final VarHandle MAP_IFINDEX = h("map_ifindex");
        static final VarHandle BTF_FD = h("btf_fd");
        static final VarHandle BTF_KEY_TYPE_ID = h("btf_key_type_id");
        static final VarHandle BTF_VALUE_TYPE_ID = h("btf_value_type_id");
        static final VarHandle BTF_VMLINUX_VALUE_TYPE_ID = h("btf_vmlinux_value_type_id");
        static final VarHandle MAP_EXTRA = h("map_extra");
        static final VarHandle VALUE_TYPE_BTF_OBJ_FD = h("value_type_btf_obj_fd");

        private static VarHandle h(String f) {
            return BpfAttr.h(BpfAttr.MAP_CREATE, f);
        }
    }
}
