package io.kflab.bpf.sys;

import static io.kflab.bpf.sys.BpfAttr.name;
import static io.kflab.bpf.sys.BpfAttr.pad;
import static io.kflab.bpf.sys.BpfAttr.u32;
import static io.kflab.bpf.sys.BpfAttr.u64;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * The info structs BPF_OBJ_GET_INFO_BY_FD fills (kernel: struct bpf_prog_info, bpf_map_info,
 * bpf_link_info in include/uapi/linux/bpf.h, as of Linux 6.18), with the kernel's field names.
 */
public final class BpfInfoLayout {
    private BpfInfoLayout() {}

    /** Kernel: BPF_TAG_SIZE. */
    public static final int TAG_SIZE = 8;

    /** struct bpf_prog_info; {@code gpl_compatible} is bit 0 of the u32 named {@code gpl_compatible}. */
    public static final StructLayout PROG_INFO = MemoryLayout.structLayout(
            u32("type"), u32("id"), MemoryLayout.sequenceLayout(TAG_SIZE, ValueLayout.JAVA_BYTE).withName("tag"),
            u32("jited_prog_len"), u32("xlated_prog_len"), u64("jited_prog_insns"), u64("xlated_prog_insns"),
            u64("load_time"), u32("created_by_uid"), u32("nr_map_ids"), u64("map_ids"),
            name("name"), u32("ifindex"), u32("gpl_compatible"), u64("netns_dev"), u64("netns_ino"),
            u32("nr_jited_ksyms"), u32("nr_jited_func_lens"), u64("jited_ksyms"), u64("jited_func_lens"),
            u32("btf_id"), u32("func_info_rec_size"), u64("func_info"), u32("nr_func_info"),
            u32("nr_line_info"), u64("line_info"), u64("jited_line_info"), u32("nr_jited_line_info"),
            u32("line_info_rec_size"), u32("jited_line_info_rec_size"), u32("nr_prog_tags"),
            u64("prog_tags"), u64("run_time_ns"), u64("run_cnt"), u64("recursion_misses"),
            u32("verified_insns"), u32("attach_btf_obj_id"), u32("attach_btf_id"), pad(4));

    /** struct bpf_map_info. */
    public static final StructLayout MAP_INFO = MemoryLayout.structLayout(
            u32("type"), u32("id"), u32("key_size"), u32("value_size"), u32("max_entries"),
            u32("map_flags"), name("name"), u32("ifindex"), u32("btf_vmlinux_value_type_id"),
            u64("netns_dev"), u64("netns_ino"), u32("btf_id"), u32("btf_key_type_id"),
            u32("btf_value_type_id"), u32("btf_vmlinux_id"), u64("map_extra"), u64("hash"),
            u32("hash_size"), pad(4));

    /** Size of the per-link-type union in struct bpf_link_info. */
    public static final int LINK_DETAIL_SIZE = 48;

    /** struct bpf_link_info: the common head, then the per-type union as bytes named {@code detail}. */
    public static final StructLayout LINK_INFO = MemoryLayout.structLayout(
            u32("type"), u32("id"), u32("prog_id"), pad(4),
            MemoryLayout.sequenceLayout(LINK_DETAIL_SIZE, ValueLayout.JAVA_BYTE).withName("detail"));
}
