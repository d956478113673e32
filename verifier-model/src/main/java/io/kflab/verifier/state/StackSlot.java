package io.kflab.verifier.state;

/**
 * One 8-byte stack slot (kernel: struct bpf_stack_state): a kind per byte, {@code types[k]} for the
 * byte at {@code fp-(8*spi+k+1)} as the kernel indexes slot_type, and the spilled register.
 */
public record StackSlot(byte[] types, RegState spilled) {
    /** Never written (kernel: STACK_INVALID, {@code ?}). */
    public static final byte INVALID = 0;
    /** Unknown data (kernel: STACK_MISC, {@code m}). */
    public static final byte MISC = 1;
    /** Known zero (kernel: STACK_ZERO, {@code 0}). */
    public static final byte ZERO = 2;
    /** Part of a spilled register (kernel: STACK_SPILL, {@code r}). */
    public static final byte SPILL = 3;

    public static final StackSlot EMPTY = new StackSlot(new byte[8], RegState.NOT_INIT);

    /** Whether the top byte holds a spill (kernel: is_spilled_reg). */
    public boolean isSpill() {
        return types[7] == SPILL;
    }

    /** Bytes of the spill (kernel: the spill_size loop of check_stack_read_fixed_off). */
    public int spillSize() {
        int n = 1;
        for (int i = 7; i > 0 && types[i - 1] == SPILL; i--) n++;
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StackSlot s && java.util.Arrays.equals(types, s.types) && spilled.equals(s.spilled);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(types) * 31 + spilled.hashCode();
    }

    /** The log characters, highest byte first (kernel: the slot_type part of print_verifier_state). */
    public String chars() {
        StringBuilder sb = new StringBuilder();
        for (int i = 7; i >= 0; i--) sb.append("?m0r".charAt(types[i]));
        return sb.toString();
    }
}
