package io.kflab.sim.runtime.maps;

import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BPF_MAP_TYPE_HASH and BPF_MAP_TYPE_LRU_HASH (kernel: kernel/bpf/hashtab.c). An update allocates a
 * new element and unlinks the old one, as the preallocated hash table does, so a value pointer taken
 * before the update keeps pointing at the old, unlinked element. A full hash map refuses new keys with
 * -E2BIG; a full LRU map evicts its least recently used element (exact LRU: the kernel's is approximate).
 */
public final class HashTabMap extends SimMap {
    private final boolean lru;
    private final LinkedHashMap<ByteBuffer, Region> elems;

    HashTabMap(MapDef def, Memory memory, boolean lru) {
        super(def, memory);
        this.lru = lru;
        this.elems = new LinkedHashMap<>(16, 0.75f, lru);
    }

    public boolean isLru() {
        return lru;
    }

    private static ByteBuffer k(byte[] key) {
        return ByteBuffer.wrap(key.clone());
    }

    @Override
    public long lookup(byte[] key, int cpu) {
        Region r = elems.get(k(key));
        return r == null ? 0 : r.base();
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        int bad = UpdateFlags.check(flags);
        if (bad != 0) return bad;
        if ((flags & UpdateFlags.BPF_F_LOCK) != 0) return -Errno.EINVAL;
        ByteBuffer kk = k(key);
        boolean exists = elems.containsKey(kk);
        int e = UpdateFlags.checkExistence(flags, exists);
        if (e != 0) return e;
        if (!exists && elems.size() >= def.maxEntries()) {
            if (!lru) return -Errno.E2BIG;
            Iterator<Map.Entry<ByteBuffer, Region>> eldest = elems.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        Region r = memory.allocate(RegionKind.MAP_VALUE, def.name() + "{" + java.util.HexFormat.of().formatHex(key) + "}",
                def.valueSize(), true);
        System.arraycopy(value, 0, r.bytes(), 0, def.valueSize());
        elems.remove(kk);
        elems.put(kk, r);
        return 0;
    }

    @Override
    public int delete(byte[] key) {
        return elems.remove(k(key)) == null ? -Errno.ENOENT : 0;
    }

    @Override
    public Optional<byte[]> userLookup(byte[] key) {
        Region r = lru ? elems.getOrDefault(k(key), null) : elems.get(k(key));
        return r == null ? Optional.empty() : Optional.of(r.bytes().clone());
    }

    @Override
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        for (ByteBuffer b : elems.keySet()) out.add(b.array().clone());
        return out;
    }

    public int size() {
        return elems.size();
    }
}
