package io.kflab.bpf.isa;

/** Operand width of ALU and jump instructions: 64-bit registers or 32-bit subregisters (BPF_ALU64/BPF_JMP vs BPF_ALU/BPF_JMP32). */
public enum Width {
    W64('r'),
    W32('w');

    private final char regPrefix;

    Width(char regPrefix) {
        this.regPrefix = regPrefix;
    }

    /** 'r' or 'w', as registers are written in assembly. */
    public char regPrefix() {
        return regPrefix;
    }

    public int bits() {
        return this == W64 ? 64 : 32;
    }
}
