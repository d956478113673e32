package io.kflab.sim.runtime.maps;

import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * BPF_MAP_TYPE_PERCPU_HASH: each element has one value per possible CPU. A program's update of a new
 * key sets its CPU's value and zeroes the others; of an existing key, it overwrites its CPU's value in place.
 */
public final class PercpuHashMap extends SimMap {
    private final int cpus;
    private final LinkedHashMap<ByteBuffer, Region[]> elems = new LinkedHashMap<>();

    PercpuHashMap(MapDef def, Memory memory, int cpus) {
        super(def, memory);
        this.cpus = cpus;
    }

    private static ByteBuffer k(byte[] key) {
        return ByteBuffer.wrap(key.clone());
    }

    @Override
    public long lookup(byte[] key, int cpu) {
        Region[] r = elems.get(k(key));
        return r == null ? 0 : r[cpu].base();
    }

    private int put(byte[] key, long flags, java.util.function.BiConsumer<Region[], Boolean> fill) {
        int bad = UpdateFlags.check(flags);
        if (bad != 0) return bad;
        if ((flags & UpdateFlags.BPF_F_LOCK) != 0) return -Errno.EINVAL;
        ByteBuffer kk = k(key);
        Region[] old = elems.get(kk);
        int e = UpdateFlags.checkExistence(flags, old != null);
        if (e != 0) return e;
        if (old == null) {
            if (elems.size() >= def.maxEntries()) return -Errno.E2BIG;
            Region[] fresh = new Region[cpus];
            for (int c = 0; c < cpus; c++) {
                fresh[c] = memory.allocate(RegionKind.MAP_VALUE, def.name() + "@cpu" + c, def.valueSize(), true);
            }
            elems.put(kk, fresh);
            fill.accept(fresh, true);
        } else {
            fill.accept(old, false);
        }
        return 0;
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        return put(key, flags, (r, fresh) -> System.arraycopy(value, 0, r[cpu].bytes(), 0, def.valueSize()));
    }

    @Override
    public int userUpdate(byte[] key, byte[] value, long flags) {
        return put(key, flags, (r, fresh) -> {
            for (int c = 0; c < cpus; c++) System.arraycopy(value, c * percpuSlot(), r[c].bytes(), 0, def.valueSize());
        });
    }

    @Override
    public int delete(byte[] key) {
        return elems.remove(k(key)) == null ? -Errno.ENOENT : 0;
    }

    @Override
    public Optional<byte[]> userLookup(byte[] key) {
        Region[] r = elems.get(k(key));
        if (r == null) return Optional.empty();
        byte[] out = new byte[percpuSlot() * cpus];
        for (int c = 0; c < cpus; c++) System.arraycopy(r[c].bytes(), 0, out, c * percpuSlot(), def.valueSize());
        return Optional.of(out);
    }

    @Override
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        for (ByteBuffer b : elems.keySet()) out.add(b.array().clone());
        return out;
    }
}
