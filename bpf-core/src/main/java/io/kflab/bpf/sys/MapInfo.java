package io.kflab.bpf.sys;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;

/** What the kernel tells about a map (kernel: struct bpf_map_info). */
public record MapInfo(int type, int id, int keySize, int valueSize, int maxEntries, int mapFlags,
                      String name, int ifindex, int btfVmlinuxValueTypeId, int btfId,
                      int btfKeyTypeId, int btfValueTypeId, int btfVmlinuxId, long mapExtra) {

    /** The map type, when this kflab knows the number. */
    public Optional<MapType> mapType() {
        return MapType.of(type);
    }

    static MapInfo read(MemorySegment s) {
        return new MapInfo(i(s, "type"), i(s, "id"), i(s, "key_size"), i(s, "value_size"),
                i(s, "max_entries"), i(s, "map_flags"),
                BpfAttr.getName(s, off("name"), BpfAttr.OBJ_NAME_LEN), i(s, "ifindex"),
                i(s, "btf_vmlinux_value_type_id"), i(s, "btf_id"), i(s, "btf_key_type_id"),
                i(s, "btf_value_type_id"), i(s, "btf_vmlinux_id"),
                s.get(ValueLayout.JAVA_LONG, off("map_extra")));
    }

    private static long off(String f) {
        return BpfInfoLayout.MAP_INFO.byteOffset(MemoryLayout.PathElement.groupElement(f));
    }

    private static int i(MemorySegment s, String f) {
        return s.get(ValueLayout.JAVA_INT, off(f));
    }
}
