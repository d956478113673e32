package io.kflab.bpf.sys;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * The blocks of the bpf(2) argument that kflab fills (kernel: union bpf_attr in
 * include/uapi/linux/bpf.h). Each layout names the kernel's fields and ends at the last field
 * kflab writes or reads, so its byte size is the attr size passed to the kernel; the kernel
 * treats missing trailing fields as zero.
 */
public final class BpfAttr {
    private BpfAttr() {}

    /** Length of object names (kernel: BPF_OBJ_NAME_LEN). */
    public static final int OBJ_NAME_LEN = 16;

    /** BPF_MAP_CREATE block, up to map_token_fd. */
    public static final StructLayout MAP_CREATE = MemoryLayout.structLayout(
            u32("map_type"), u32("key_size"), u32("value_size"), u32("max_entries"),
            u32("map_flags"), u32("inner_map_fd"), u32("numa_node"), name("map_name"),
            u32("map_ifindex"), u32("btf_fd"), u32("btf_key_type_id"), u32("btf_value_type_id"),
            u32("btf_vmlinux_value_type_id"), u64("map_extra"), s32("value_type_btf_obj_fd"),
            s32("map_token_fd"));

    /** BPF_MAP_{LOOKUP,UPDATE,DELETE}_ELEM and BPF_MAP_GET_NEXT_KEY block ({@code value} shares its slot with {@code next_key}). */
    public static final StructLayout MAP_ELEM = MemoryLayout.structLayout(
            u32("map_fd"), pad(4), u64("key"), u64("value"), u64("flags"));

    /** BPF_PROG_LOAD block, up to fd_array_cnt ({@code attach_prog_fd} shares its slot with {@code attach_btf_obj_fd}). */
    public static final StructLayout PROG_LOAD = MemoryLayout.structLayout(
            u32("prog_type"), u32("insn_cnt"), u64("insns"), u64("license"),
            u32("log_level"), u32("log_size"), u64("log_buf"),
            u32("kern_version"), u32("prog_flags"), name("prog_name"),
            u32("prog_ifindex"), u32("expected_attach_type"),
            u32("prog_btf_fd"), u32("func_info_rec_size"), u64("func_info"), u32("func_info_cnt"),
            u32("line_info_rec_size"), u64("line_info"), u32("line_info_cnt"),
            u32("attach_btf_id"), u32("attach_prog_fd"), u32("core_relo_cnt"),
            u64("fd_array"), u64("core_relos"), u32("core_relo_rec_size"),
            u32("log_true_size"), s32("prog_token_fd"), u32("fd_array_cnt"));

    /** BPF_PROG_TEST_RUN block (kernel: the {@code test} struct), up to batch_size. */
    public static final StructLayout PROG_TEST_RUN = MemoryLayout.structLayout(
            u32("prog_fd"), u32("retval"), u32("data_size_in"), u32("data_size_out"),
            u64("data_in"), u64("data_out"), u32("repeat"), u32("duration"),
            u32("ctx_size_in"), u32("ctx_size_out"), u64("ctx_in"), u64("ctx_out"),
            u32("flags"), u32("cpu"), u32("batch_size"));

    /** BPF_OBJ_GET_INFO_BY_FD block (kernel: the {@code info} struct). */
    public static final StructLayout OBJ_GET_INFO = MemoryLayout.structLayout(
            u32("bpf_fd"), u32("info_len"), u64("info"));

    /** BPF_*_GET_FD_BY_ID block ({@code start_id} shares its slot with prog_id, map_id, btf_id, link_id). */
    public static final StructLayout GET_ID = MemoryLayout.structLayout(
            u32("start_id"), u32("next_id"), u32("open_flags"));

    /** BPF_BTF_LOAD block, up to btf_log_true_size. */
    public static final StructLayout BTF_LOAD = MemoryLayout.structLayout(
            u64("btf"), u64("btf_log_buf"), u32("btf_size"), u32("btf_log_size"),
            u32("btf_log_level"), u32("btf_log_true_size"));

    /**
     * BPF_LINK_CREATE block (kernel: {@code link_create}) with the common head and the
     * {@code tracing} member of its union: prog_fd shares its slot with map_fd, target_fd with
     * target_ifindex, and target_btf_id lies where every union member starts.
     */
    public static final StructLayout LINK_CREATE = MemoryLayout.structLayout(
            u32("prog_fd"), u32("target_fd"), u32("attach_type"), u32("flags"),
            u32("target_btf_id"), pad(4), u64("cookie"));

    /** BPF_LINK_UPDATE block (kernel: {@code link_update}; new/old prog fds share slots with the map fds). */
    public static final StructLayout LINK_UPDATE = MemoryLayout.structLayout(
            u32("link_fd"), u32("new_prog_fd"), u32("flags"), u32("old_prog_fd"));

    /** BPF_LINK_DETACH block (kernel: {@code link_detach}). */
    public static final StructLayout LINK_DETACH = MemoryLayout.structLayout(u32("link_fd"));

    /** A VarHandle (segment, base offset) for a named u32/u64 field of a layout. */
    public static VarHandle handle(StructLayout layout, String field) {
        return layout.varHandle(groupElement(field));
    }

    /** Byte offset of a named field. */
    public static long offset(StructLayout layout, String field) {
        return layout.byteOffset(groupElement(field));
    }

    /** Writes a NUL-terminated object name (at most 15 bytes kept) into a char[16] field. */
    static void putName(MemorySegment attr, StructLayout layout, String field, String name) {
        if (name == null || name.isEmpty()) return;
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(b.length, OBJ_NAME_LEN - 1);
        MemorySegment.copy(b, 0, attr, ValueLayout.JAVA_BYTE, offset(layout, field), n);
    }

    /** Reads a NUL-terminated name of at most {@code max} bytes at an offset. */
    static String getName(MemorySegment seg, long offset, int max) {
        byte[] b = seg.asSlice(offset, max).toArray(ValueLayout.JAVA_BYTE);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    static VarHandle h(StructLayout layout, String field) {
        return MethodHandles.insertCoordinates(handle(layout, field), 1, 0L);
    }

    static ValueLayout.OfInt u32(String name) {
        return ValueLayout.JAVA_INT.withName(name);
    }

    static ValueLayout.OfInt s32(String name) {
        return ValueLayout.JAVA_INT.withName(name);
    }

    static ValueLayout.OfLong u64(String name) {
        return ValueLayout.JAVA_LONG.withName(name);
    }

    static MemoryLayout name(String name) {
        return MemoryLayout.sequenceLayout(OBJ_NAME_LEN, ValueLayout.JAVA_BYTE).withName(name);
    }

    static MemoryLayout pad(long bytes) {
        return MemoryLayout.paddingLayout(bytes);
    }
}
