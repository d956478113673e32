package io.kflab.bpf.btf;

/**
 * A member of a struct or union (kernel: struct btf_member). {@code bitfieldSize} is 0 for a
 * member that is not a bitfield; it is only encoded when the containing type has kind_flag set.
 */
public record BtfMember(String name, int type, int bitOffset, int bitfieldSize) {
    /** Offset in bytes from the start of the containing type (rounded down for bitfields). */
    public int byteOffset() { return bitOffset >>> 3; }

    /** Whether this member is a bitfield. */
    public boolean isBitfield() { return bitfieldSize != 0; }
}
