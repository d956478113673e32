package io.kflab.verifier.structops;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The kernel's copy of a struct_ops struct after a map update (kernel: {@code kvalue->data}): data
 * members as {@code init_member} or the generic code left them, and the id of the program behind
 * each implemented function member (where the kernel holds a trampoline address).
 */
public record Kdata(StructOpsType type, byte[] bytes, Map<String, Integer> progIds) {
    public Kdata {
        bytes = bytes.clone();
        progIds = Map.copyOf(progIds);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether a program implements function member {@code member}. */
    public boolean implemented(String member) {
        return progIds.containsKey(member);
    }

    /** A char-array member up to its first NUL (e.g. tcp_congestion_ops.name). */
    public String string(String member) {
        OpsMember m = type.member(member).orElseThrow(() -> new IllegalArgumentException("no member " + member));
        int end = m.offset();
        while (end < m.offset() + m.size() && bytes[end] != 0) end++;
        return new String(bytes, m.offset(), end - m.offset(), StandardCharsets.ISO_8859_1);
    }

    /** An unsigned 32-bit member (little-endian, as on the kernels kflab runs on). */
    public long u32(String member) {
        OpsMember m = type.member(member).orElseThrow(() -> new IllegalArgumentException("no member " + member));
        return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(m.offset()));
    }
}
