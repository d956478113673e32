package io.kflab.verifier.structops.model;

/**
 * BPF_MAP_CREATE attributes of a struct_ops map (kernel: union bpf_attr map-create block).
 *
 * @param btfFd btf_fd: must be a user-loaded BTF object
 * @param vmlinuxValueTypeId btf_vmlinux_value_type_id: the {@code bpf_struct_ops_<name>} type
 * @param valueTypeBtfObjFd value_type_btf_obj_fd, read with BPF_F_VTYPE_BTF_OBJ_FD (module BTF)
 */
public record MapAttrs(int keySize, int valueSize, int maxEntries, int mapFlags, int btfFd, int vmlinuxValueTypeId,
                       int valueTypeBtfObjFd) {
    /** map_flags bit (kernel: BPF_F_LINK). */
    public static final int BPF_F_LINK = 1 << 13;
    /** map_flags bit (kernel: BPF_F_VTYPE_BTF_OBJ_FD). */
    public static final int BPF_F_VTYPE_BTF_OBJ_FD = 1 << 15;
}
