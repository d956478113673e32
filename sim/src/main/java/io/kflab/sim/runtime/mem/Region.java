package io.kflab.sim.runtime.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One typed, bounded piece of simulated kernel memory (kernel: the object a pointer register points
 * into). Bytes are little endian, as on x86-64 and arm64. A region can be made read-only, and a few
 * offsets can be given load hooks (an __sk_buff's data field loads a 64-bit packet pointer).
 */
public final class Region {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int id;
    private final long base;
    private final RegionKind kind;
    private final String name;
    private final byte[] bytes;
    private boolean writable;
    private boolean live = true;
    private Map<Integer, LongSupplier> loadHooks;

    Region(int id, long base, RegionKind kind, String name, byte[] bytes, boolean writable) {
        this.id = id;
        this.base = base;
        this.kind = kind;
        this.name = name;
        this.bytes = bytes;
        this.writable = writable;
    }

    public int id() {
        return id;
    }

    /** The address of byte 0. */
    public long base() {
        return base;
    }

    /** The address one past the last byte. */
    public long end() {
        return base + bytes.length;
    }

    public RegionKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public int size() {
        return bytes.length;
    }

    /** The backing bytes (the region's owner reads and writes them directly). */
    public byte[] bytes() {
        return bytes;
    }

    public boolean writable() {
        return writable;
    }

    public void writable(boolean w) {
        this.writable = w;
    }

    /** Whether the program may still touch this region (a discarded ring buffer record may not). */
    public boolean live() {
        return live;
    }

    public void kill() {
        this.live = false;
    }

    /** Makes a {@code u32} load at {@code offset} return {@code value} (64 bits) instead of the stored bytes. */
    public void hookLoad(int offset, LongSupplier value) {
        if (loadHooks == null) loadHooks = new HashMap<>();
        loadHooks.put(offset, value);
    }

    LongSupplier hook(int offset) {
        return loadHooks == null ? null : loadHooks.get(offset);
    }

    /** Zero-extended load of {@code size} bytes at {@code off} (bounds already checked). */
    public long get(int off, int size) {
        return switch (size) {
            case 1 -> bytes[off] & 0xffL;
            case 2 -> (short) I16.get(bytes, off) & 0xffffL;
            case 4 -> (int) I32.get(bytes, off) & 0xffff_ffffL;
            case 8 -> (long) I64.get(bytes, off);
            default -> throw new IllegalArgumentException("access size " + size);
        };
    }

    /** Stores the low {@code size} bytes of {@code value} at {@code off} (bounds already checked). */
    public void put(int off, int size, long value) {
        switch (size) {
            case 1 -> bytes[off] = (byte) value;
            case 2 -> I16.set(bytes, off, (short) value);
            case 4 -> I32.set(bytes, off, (int) value);
            case 8 -> I64.set(bytes, off, value);
            default -> throw new IllegalArgumentException("access size " + size);
        }
    }

    @Override
    public String toString() {
        return kind + " " + name + " [" + bytes.length + " bytes]";
    }
}
