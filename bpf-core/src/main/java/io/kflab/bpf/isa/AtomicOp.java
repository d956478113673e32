package io.kflab.bpf.isa;

/** An atomic operation, as encoded in the imm field of BPF_STX | BPF_ATOMIC. */
public enum AtomicOp {
    ADD(Opcodes.BPF_ADD),
    OR(Opcodes.BPF_OR),
    AND(Opcodes.BPF_AND),
    XOR(Opcodes.BPF_XOR),
    FETCH_ADD(Opcodes.BPF_ADD | Opcodes.BPF_FETCH),
    FETCH_OR(Opcodes.BPF_OR | Opcodes.BPF_FETCH),
    FETCH_AND(Opcodes.BPF_AND | Opcodes.BPF_FETCH),
    FETCH_XOR(Opcodes.BPF_XOR | Opcodes.BPF_FETCH),
    XCHG(Opcodes.BPF_XCHG),
    CMPXCHG(Opcodes.BPF_CMPXCHG),
    LOAD_ACQ(Opcodes.BPF_LOAD_ACQ),
    STORE_REL(Opcodes.BPF_STORE_REL);

    private final int imm;

    AtomicOp(int imm) {
        this.imm = imm;
    }

    public int imm() {
        return imm;
    }

    /** Whether the old value comes back in a register (fetch forms, xchg, cmpxchg). */
    public boolean fetches() {
        return (imm & Opcodes.BPF_FETCH) != 0;
    }

    /** Read-modify-write operations work on u32 and u64 only; load-acquire/store-release on any size. */
    public boolean allowsSize(Size size) {
        return this == LOAD_ACQ || this == STORE_REL || size == Size.W || size == Size.DW;
    }

    /** The plain ALU operation behind add/or/and/xor and their fetch forms; null otherwise. */
    public String aluName() {
        return switch (this) {
            case ADD, FETCH_ADD -> "add";
            case OR, FETCH_OR -> "or";
            case AND, FETCH_AND -> "and";
            case XOR, FETCH_XOR -> "xor";
            default -> null;
        };
    }

    public static AtomicOp ofImm(int imm) {
        for (AtomicOp op : values()) if (op.imm == imm) return op;
        return null;
    }
}
