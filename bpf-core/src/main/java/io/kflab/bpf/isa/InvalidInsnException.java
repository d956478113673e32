package io.kflab.bpf.isa;

/**
 * An instruction slot that is not a valid BPF instruction; the message is the kernel's verifier
 * text for that case where the kernel has one ("unknown opcode ff", "BPF_EXIT uses reserved fields").
 */
public final class InvalidInsnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInsnException(String reason) {
        super(reason, null, false, false);
    }
}
