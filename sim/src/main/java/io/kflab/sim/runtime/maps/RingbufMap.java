package io.kflab.sim.runtime.maps;

import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * BPF_MAP_TYPE_RINGBUF (kernel: kernel/bpf/ringbuf.c): max_entries bytes of records, each taking an
 * 8-byte header plus its length rounded up to 8. A reserved record is a region the program fills;
 * submitting or discarding it releases the region. The consumer ({@link #drain()}) takes committed
 * records in order and stops at the first one still reserved.
 */
public final class RingbufMap extends SimMap {
    /** Record header size (kernel: BPF_RINGBUF_HDR_SZ). */
    public static final int HDR = 8;
    /** bpf_ringbuf_output/submit flags (kernel: BPF_RB_NO_WAKEUP, BPF_RB_FORCE_WAKEUP). */
    public static final long WAKEUP_FLAGS = 3;

    private enum State { BUSY, COMMITTED, DISCARDED }

    private static final class Record {
        final Region region;
        State state = State.BUSY;

        Record(Region region) {
            this.region = region;
        }

        int footprint() {
            return HDR + ((region.size() + 7) & ~7);
        }
    }

    private final Deque<Record> records = new ArrayDeque<>();
    private final java.util.Map<Integer, Record> byRegion = new java.util.HashMap<>();
    private int used;

    RingbufMap(MapDef def, Memory memory) {
        super(def, memory);
        int n = def.maxEntries();
        if (Integer.bitCount(n) != 1 || n < 4096) {
            throw new IllegalArgumentException("ringbuf " + def.name() + ": max_entries must be a power of 2 of at least a page, not " + n);
        }
        if (def.keySize() != 0 || def.valueSize() != 0) throw new IllegalArgumentException("ringbuf " + def.name() + ": key and value size must be 0");
    }

    /** bpf_ringbuf_reserve: a record's address, or 0 when flags are set or space is short. */
    public long reserve(long size, long flags) {
        if (flags != 0 || size < 0 || size > def.maxEntries() - HDR) return 0;
        int foot = HDR + (int) ((size + 7) & ~7);
        if (used + foot > def.maxEntries()) return 0;
        Region r = memory.allocate(RegionKind.RINGBUF_RECORD, def.name() + " record", (int) size, true);
        Record rec = new Record(r);
        records.addLast(rec);
        byRegion.put(r.id(), rec);
        used += foot;
        return r.base();
    }

    /** Whether {@code addr} is the start of a record still reserved. */
    public boolean isReserved(long addr) {
        Region r = memory.regionAt(addr);
        if (r == null || r.base() != addr) return false;
        Record rec = byRegion.get(r.id());
        return rec != null && rec.state == State.BUSY;
    }

    /** bpf_ringbuf_submit (commit = true) or bpf_ringbuf_discard of the record at {@code addr}. */
    public void commit(long addr, boolean submit) {
        Region r = memory.regionAt(addr);
        Record rec = byRegion.remove(r.id());
        rec.state = submit ? State.COMMITTED : State.DISCARDED;
        r.kill();
    }

    /** bpf_ringbuf_output: reserve, copy, submit; 0 or -EAGAIN when full, -EINVAL for unknown flags. */
    public int output(byte[] data, long flags) {
        if ((flags & ~WAKEUP_FLAGS) != 0) return -Errno.EINVAL;
        long addr = reserve(data.length, 0);
        if (addr == 0) return -Errno.EAGAIN;
        System.arraycopy(data, 0, memory.regionAt(addr).bytes(), 0, data.length);
        commit(addr, true);
        return 0;
    }

    /** The consumer: committed records in order, up to the first still reserved; frees their space. */
    public List<byte[]> drain() {
        List<byte[]> out = new ArrayList<>();
        while (!records.isEmpty() && records.peekFirst().state != State.BUSY) {
            Record rec = records.removeFirst();
            used -= rec.footprint();
            if (rec.state == State.COMMITTED) out.add(rec.region.bytes().clone());
        }
        return out;
    }

    /** Bytes in use by records not yet consumed, headers included (kernel: producer_pos - consumer_pos). */
    public int used() {
        return used;
    }
}
