package io.kflab.bpf.isa;

import static io.kflab.bpf.isa.Opcodes.*;

/** The opcodes a program may use (kernel: bpf_opcode_in_insntable, as of 6.18). */
public final class OpcodeTable {
    private OpcodeTable() {}

    private static final boolean[] KNOWN = new boolean[256];

    static {
        int[] aluOps = {BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_OR, BPF_AND, BPF_LSH, BPF_RSH,
            BPF_MOD, BPF_XOR, BPF_MOV, BPF_ARSH};
        for (int cls : new int[] {BPF_ALU, BPF_ALU64}) {
            for (int op : aluOps) {
                KNOWN[cls | op | BPF_K] = true;
                KNOWN[cls | op | BPF_X] = true;
            }
            KNOWN[cls | BPF_NEG | BPF_K] = true;
        }
        KNOWN[BPF_ALU | BPF_END | BPF_TO_LE] = true;
        KNOWN[BPF_ALU | BPF_END | BPF_TO_BE] = true;
        KNOWN[BPF_ALU64 | BPF_END | BPF_TO_LE] = true;
        int[] condOps = {BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET, BPF_JNE, BPF_JSGT, BPF_JSGE,
            BPF_JLT, BPF_JLE, BPF_JSLT, BPF_JSLE};
        for (int cls : new int[] {BPF_JMP, BPF_JMP32}) {
            for (int op : condOps) {
                KNOWN[cls | op | BPF_K] = true;
                KNOWN[cls | op | BPF_X] = true;
            }
            KNOWN[cls | BPF_JA | BPF_K] = true;
        }
        KNOWN[BPF_JMP | BPF_CALL | BPF_K] = true;
        KNOWN[BPF_JMP | BPF_EXIT | BPF_K] = true;
        KNOWN[BPF_JMP | BPF_JCOND | BPF_K] = true;
        KNOWN[BPF_LD | BPF_IMM | BPF_DW] = true;
        for (int size : new int[] {BPF_B, BPF_H, BPF_W}) {
            KNOWN[BPF_LD | BPF_ABS | size] = true;
            KNOWN[BPF_LD | BPF_IND | size] = true;
            KNOWN[BPF_LDX | BPF_MEMSX | size] = true;
        }
        for (int size : new int[] {BPF_B, BPF_H, BPF_W, BPF_DW}) {
            KNOWN[BPF_LDX | BPF_MEM | size] = true;
            KNOWN[BPF_ST | BPF_MEM | size] = true;
            KNOWN[BPF_STX | BPF_MEM | size] = true;
            KNOWN[BPF_STX | BPF_ATOMIC | size] = true;
        }
    }

    /** Whether the kernel knows this opcode byte at all. */
    public static boolean isKnown(int code) {
        return code >= 0 && code < 256 && KNOWN[code];
    }
}
