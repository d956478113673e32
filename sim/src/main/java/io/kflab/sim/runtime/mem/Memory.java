package io.kflab.sim.runtime.mem;

import io.kflab.sim.runtime.RuntimeFault;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated kernel address space: typed regions at 64-bit addresses. Every access is checked
 * against the region it falls in; an access outside every live region, across a region's end or a
 * write to a read-only region raises a {@link RuntimeFault} instead of corrupting anything.
 *
 * <p>Region {@code n} starts at {@code BASE + n * SPAN}; a region is at most {@code SPAN} bytes, so
 * an address names its region by arithmetic and a pointer that strays past its region's end never
 * lands in the next one.
 */
public final class Memory {
    /** Where regions start: a kernel-looking address, so pointers never look like small scalars. */
    public static final long BASE = 0xffff_0000_0000_0000L;
    /** Address space per region (16 MiB); no region is larger. */
    public static final long SPAN = 1L << 24;

    private final List<Region> regions = new ArrayList<>();

    /** A new zeroed region. */
    public Region allocate(RegionKind kind, String name, int size, boolean writable) {
        return wrap(kind, name, new byte[size], writable);
    }

    /** A new region backed by {@code bytes} (not copied: the caller keeps seeing writes). */
    public Region wrap(RegionKind kind, String name, byte[] bytes, boolean writable) {
        if (bytes.length > SPAN) throw new IllegalArgumentException("region larger than " + SPAN + " bytes: " + bytes.length);
        int id = regions.size();
        Region r = new Region(id, BASE + id * SPAN, kind, name, bytes, writable);
        regions.add(r);
        return r;
    }

    /** Number of regions ever allocated. */
    public int regionCount() {
        return regions.size();
    }

    /** The region containing {@code addr}, or null (the address is a scalar or unmapped). */
    public Region regionAt(long addr) {
        long rel = addr - BASE;
        if (rel < 0) return null;
        long id = rel / SPAN;
        if (id >= regions.size()) return null;
        Region r = regions.get((int) id);
        return addr - r.base() < r.size() || addr == r.end() ? r : null;
    }

    /** The live region holding all of {@code [addr, addr + size)}, or a fault at {@code insn}. */
    public Region check(long addr, int size, boolean write, int insn) {
        long rel = addr - BASE;
        long id = Long.compareUnsigned(rel, (long) regions.size() * SPAN) < 0 ? rel / SPAN : -1;
        if (id < 0) throw new RuntimeFault(insn, (write ? "write" : "read") + " of " + size + " bytes at 0x"
                + Long.toHexString(addr) + ": not a pointer into any region");
        Region r = regions.get((int) id);
        long off = addr - r.base();
        if (off + size > r.size() || size < 0) {
            throw new RuntimeFault(insn, (write ? "write" : "read") + " of " + size + " bytes at offset " + off
                    + " of " + r + ": out of bounds");
        }
        if (!r.live()) throw new RuntimeFault(insn, "access to " + r + " after it was released");
        if (write && !r.writable()) throw new RuntimeFault(insn, "write to read-only " + r);
        if (r.kind() == RegionKind.MAP_OBJECT) throw new RuntimeFault(insn, "direct access to a map object " + r.name());
        return r;
    }

    /** Zero-extended load; a ctx field with a load hook yields the hooked value. */
    public long load(long addr, int size, int insn) {
        Region r = check(addr, size, false, insn);
        int off = (int) (addr - r.base());
        var hook = r.hook(off);
        if (hook != null) return hook.getAsLong();
        return r.get(off, size);
    }

    public void store(long addr, int size, long value, int insn) {
        Region r = check(addr, size, true, insn);
        r.put((int) (addr - r.base()), size, value);
    }

    /** Copies {@code len} bytes out (helpers reading program memory). */
    public byte[] read(long addr, int len, int insn) {
        if (len == 0) return new byte[0];
        Region r = check(addr, len, false, insn);
        int off = (int) (addr - r.base());
        byte[] out = new byte[len];
        System.arraycopy(r.bytes(), off, out, 0, len);
        return out;
    }

    /** Copies {@code data} in (helpers writing program memory). */
    public void write(long addr, byte[] data, int insn) {
        if (data.length == 0) return;
        Region r = check(addr, data.length, true, insn);
        System.arraycopy(data, 0, r.bytes(), (int) (addr - r.base()), data.length);
    }
}
