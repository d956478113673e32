package io.kflab.bpf.isa;

/** The eleven BPF registers (kernel: BPF_REG_0..BPF_REG_10, r10 the read-only frame pointer). */
public final class Regs {
    private Regs() {}

    /** Number of registers (kernel: MAX_BPF_REG). */
    public static final int MAX_BPF_REG = 11;
    /** The frame pointer. */
    public static final int FP = 10;

    /** Checks that {@code reg} names r0–r10. */
    public static int check(int reg) {
        if (reg < 0 || reg >= MAX_BPF_REG) {
            throw new IllegalArgumentException("R" + reg + " is invalid");
        }
        return reg;
    }
}
