package io.kflab.bpf.isa;

/** The numeric fields of the opcode byte (kernel: BPF_CLASS/BPF_SIZE/BPF_MODE/BPF_OP/BPF_SRC). */
public final class Opcodes {
    private Opcodes() {}

    public static final int BPF_LD = 0x00, BPF_LDX = 0x01, BPF_ST = 0x02, BPF_STX = 0x03;
    public static final int BPF_ALU = 0x04, BPF_JMP = 0x05, BPF_JMP32 = 0x06, BPF_ALU64 = 0x07;

    public static final int BPF_W = 0x00, BPF_H = 0x08, BPF_B = 0x10, BPF_DW = 0x18;

    public static final int BPF_IMM = 0x00, BPF_ABS = 0x20, BPF_IND = 0x40, BPF_MEM = 0x60;
    public static final int BPF_MEMSX = 0x80, BPF_ATOMIC = 0xc0;

    public static final int BPF_K = 0x00, BPF_X = 0x08;

    public static final int BPF_ADD = 0x00, BPF_SUB = 0x10, BPF_MUL = 0x20, BPF_DIV = 0x30;
    public static final int BPF_OR = 0x40, BPF_AND = 0x50, BPF_LSH = 0x60, BPF_RSH = 0x70;
    public static final int BPF_NEG = 0x80, BPF_MOD = 0x90, BPF_XOR = 0xa0, BPF_MOV = 0xb0;
    public static final int BPF_ARSH = 0xc0, BPF_END = 0xd0;
    /** With BPF_END: BPF_TO_LE is the K bit, BPF_TO_BE the X bit. */
    public static final int BPF_TO_LE = 0x00, BPF_TO_BE = 0x08;

    public static final int BPF_JA = 0x00, BPF_JEQ = 0x10, BPF_JGT = 0x20, BPF_JGE = 0x30;
    public static final int BPF_JSET = 0x40, BPF_JNE = 0x50, BPF_JSGT = 0x60, BPF_JSGE = 0x70;
    public static final int BPF_CALL = 0x80, BPF_EXIT = 0x90, BPF_JLT = 0xa0, BPF_JLE = 0xb0;
    public static final int BPF_JSLT = 0xc0, BPF_JSLE = 0xd0, BPF_JCOND = 0xe0;

    /** Atomic operation modifiers in the imm field. */
    public static final int BPF_FETCH = 0x01, BPF_XCHG = 0xe0 | BPF_FETCH, BPF_CMPXCHG = 0xf0 | BPF_FETCH;
    public static final int BPF_LOAD_ACQ = 0x100, BPF_STORE_REL = 0x110;

    /** src_reg values of BPF_CALL. */
    public static final int BPF_PSEUDO_CALL = 1, BPF_PSEUDO_KFUNC_CALL = 2;
    /** src_reg value of BPF_JCOND. */
    public static final int BPF_MAY_GOTO = 0;
    /** off value of an ALU64 MOV X that casts between address spaces (arena). */
    public static final int BPF_ADDR_SPACE_CAST = 1;

    public static int cls(int code) { return code & 0x07; }
    public static int size(int code) { return code & 0x18; }
    public static int mode(int code) { return code & 0xe0; }
    public static int op(int code) { return code & 0xf0; }
    public static int src(int code) { return code & 0x08; }
}
