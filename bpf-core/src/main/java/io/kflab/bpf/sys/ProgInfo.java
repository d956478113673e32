package io.kflab.bpf.sys;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the kernel tells about a loaded program (kernel: struct bpf_prog_info).
 *
 * @param type the prog type number; see {@link #progType()}
 * @param tag the program tag as 16 hex digits
 * @param loadTime boot-time nanoseconds of the load
 * @param verifiedInsns instructions the verifier processed
 * @param runTimeNs run time sum, when kernel.bpf_stats_enabled
 */
public record ProgInfo(int type, int id, String tag, int jitedProgLen, int xlatedProgLen,
                       long loadTime, int createdByUid, int[] mapIds, String name, int ifindex,
                       boolean gplCompatible, int btfId, long runTimeNs, long runCnt,
                       long recursionMisses, int verifiedInsns, int attachBtfObjId, int attachBtfId) {

    /** The program type, when this kflab knows the number. */
    public Optional<ProgType> progType() {
        return ProgType.of(type);
    }

    static long off(String field) {
        return BpfInfoLayout.PROG_INFO.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement(field));
    }

    static ProgInfo read(MemorySegment s, int[] mapIds) {
        byte[] tag = s.asSlice(off("tag"), BpfInfoLayout.TAG_SIZE).toArray(ValueLayout.JAVA_BYTE);
        return new ProgInfo(
                i(s, "type"), i(s, "id"), HexFormat.of().formatHex(tag), i(s, "jited_prog_len"),
                i(s, "xlated_prog_len"), l(s, "load_time"), i(s, "created_by_uid"), mapIds,
                BpfAttr.getName(s, off("name"), BpfAttr.OBJ_NAME_LEN), i(s, "ifindex"),
                (i(s, "gpl_compatible") & 1) != 0, i(s, "btf_id"), l(s, "run_time_ns"),
                l(s, "run_cnt"), l(s, "recursion_misses"), i(s, "verified_insns"),
                i(s, "attach_btf_obj_id"), i(s, "attach_btf_id"));
    }

    private static int i(MemorySegment s, String f) {
        return s.get(ValueLayout.JAVA_INT, off(f));
    }

    private static long l(MemorySegment s, String f) {
        return s.get(ValueLayout.JAVA_LONG, off(f));
    }
}
