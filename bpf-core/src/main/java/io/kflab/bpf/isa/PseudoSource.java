package io.kflab.bpf.isa;

/** What a ld_imm64 loads: a plain constant or one of the Linux pseudo sources (kernel: BPF_PSEUDO_MAP_FD, ...). */
public enum PseudoSource {
    /** A 64-bit constant. */
    IMM(0, null),
    /** imm = map fd; loads a map pointer. */
    MAP_FD(1, "map_fd"),
    /** imm = map fd, next imm = offset; loads a pointer into the map's value. */
    MAP_VALUE(2, "map_value"),
    /** imm = BTF id of a kernel variable (next imm = BTF object fd or 0). */
    BTF_ID(3, "btf_id"),
    /** imm = instruction offset of a subprogram; loads a function pointer. */
    FUNC(4, "func"),
    /** imm = index into fd_array; loads a map pointer. */
    MAP_IDX(5, "map_idx"),
    /** imm = index into fd_array, next imm = offset; loads a map value pointer. */
    MAP_IDX_VALUE(6, "map_idx_value");

    private final int srcReg;
    private final String asmName;

    PseudoSource(int srcReg, String asmName) {
        this.srcReg = srcReg;
        this.asmName = asmName;
    }

    /** The src_reg field value. */
    public int srcReg() {
        return srcReg;
    }

    /** The function-like name kflab's assembly uses for this source, e.g. {@code map_fd(3)}. */
    public String asmName() {
        return asmName;
    }

    /** Whether the second slot's imm carries a separate value (an offset or an fd) rather than the high word. */
    public boolean hasSecondOperand() {
        return this == MAP_VALUE || this == MAP_IDX_VALUE || this == BTF_ID;
    }

    public static PseudoSource ofSrcReg(int src) {
        for (PseudoSource p : values()) if (p.srcReg == src) return p;
        return null;
    }

    public static PseudoSource ofAsmName(String name) {
        for (PseudoSource p : values()) if (name.equals(p.asmName)) return p;
        return null;
    }
}
