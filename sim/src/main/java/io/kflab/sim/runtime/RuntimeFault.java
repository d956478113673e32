package io.kflab.sim.runtime;

/**
 * A program did something the kernel's verifier would have prevented (an out-of-bounds access, an
 * unknown helper, a missing map) and the runtime stopped it instead of corrupting memory. The
 * instruction index counts 8-byte slots, as the kernel's verifier log does.
 */
public final class RuntimeFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int insn;
    private final String reason;

    public RuntimeFault(int insn, String reason) {
        super("insn " + insn + ": " + reason);
        this.insn = insn;
        this.reason = reason;
    }

    /** The slot index of the faulting instruction, or -1 when the fault is outside any instruction. */
    public int insn() {
        return insn;
    }

    public String reason() {
        return reason;
    }

    /** The same fault attributed to instruction {@code at} (helpers raise faults without knowing their call site). */
    public RuntimeFault at(int at) {
        return insn == at ? this : new RuntimeFault(at, reason);
    }
}
