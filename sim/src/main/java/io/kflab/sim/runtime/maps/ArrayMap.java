package io.kflab.sim.runtime.maps;

import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** BPF_MAP_TYPE_ARRAY: max_entries preallocated, zeroed values indexed by a u32 key; updates copy in place, delete is -EINVAL. */
public final class ArrayMap extends SimMap {
    private final Region[] values;

    ArrayMap(MapDef def, Memory memory) {
        super(def, memory);
        if (def.keySize() != 4) throw new IllegalArgumentException("array map " + def.name() + ": key_size must be 4");
        values = new Region[def.maxEntries()];
        for (int i = 0; i < values.length; i++) {
            values[i] = memory.allocate(RegionKind.MAP_VALUE, def.name() + "[" + i + "]", def.valueSize(), true);
        }
    }

    /** The value region of element {@code i} (what ld_imm64 map_value points into for i = 0). */
    public Region value(int i) {
        return values[i];
    }

    @Override
    public long lookup(byte[] key, int cpu) {
        int i = index(key);
        return Integer.compareUnsigned(i, values.length) < 0 ? values[i].base() : 0;
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        int bad = UpdateFlags.check(flags);
        if (bad != 0) return bad;
        int i = index(key);
        if (Integer.compareUnsigned(i, values.length) >= 0) return -Errno.E2BIG;
        if ((flags & UpdateFlags.BPF_NOEXIST) != 0) return -Errno.EEXIST;
        if ((flags & UpdateFlags.BPF_F_LOCK) != 0) return -Errno.EINVAL;
        System.arraycopy(value, 0, values[i].bytes(), 0, def.valueSize());
        return 0;
    }

    @Override
    public Optional<byte[]> userLookup(byte[] key) {
        int i = index(key);
        return Integer.compareUnsigned(i, values.length) < 0 ? Optional.of(values[i].bytes().clone()) : Optional.empty();
    }

    @Override
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) out.add(indexKey(i));
        return out;
    }
}
