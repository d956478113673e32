package io.kflab.sim.runtime.maps;

import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** BPF_MAP_TYPE_PERCPU_ARRAY: one array per possible CPU; a program sees and updates its current CPU's copy. */
public final class PercpuArrayMap extends SimMap {
    private final Region[][] values; // [cpu][index]

    PercpuArrayMap(MapDef def, Memory memory, int cpus) {
        super(def, memory);
        if (def.keySize() != 4) throw new IllegalArgumentException("percpu array map " + def.name() + ": key_size must be 4");
        values = new Region[cpus][def.maxEntries()];
        for (int c = 0; c < cpus; c++) {
            for (int i = 0; i < def.maxEntries(); i++) {
                values[c][i] = memory.allocate(RegionKind.MAP_VALUE, def.name() + "[" + i + "]@cpu" + c, def.valueSize(), true);
            }
        }
    }

    @Override
    public long lookup(byte[] key, int cpu) {
        int i = index(key);
        return Integer.compareUnsigned(i, def.maxEntries()) < 0 ? values[cpu][i].base() : 0;
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        int bad = UpdateFlags.check(flags);
        if (bad != 0) return bad;
        int i = index(key);
        if (Integer.compareUnsigned(i, def.maxEntries()) >= 0) return -Errno.E2BIG;
        if ((flags & UpdateFlags.BPF_NOEXIST) != 0) return -Errno.EEXIST;
        if ((flags & UpdateFlags.BPF_F_LOCK) != 0) return -Errno.EINVAL;
        System.arraycopy(value, 0, values[cpu][i].bytes(), 0, def.valueSize());
        return 0;
    }

    @Override
    public int userUpdate(byte[] key, byte[] value, long flags) {
        int bad = UpdateFlags.check(flags);
        if (bad != 0) return bad;
        int i = index(key);
        if (Integer.compareUnsigned(i, def.maxEntries()) >= 0) return -Errno.E2BIG;
        if ((flags & UpdateFlags.BPF_NOEXIST) != 0) return -Errno.EEXIST;
        for (int c = 0; c < values.length; c++) System.arraycopy(value, c * percpuSlot(), values[c][i].bytes(), 0, def.valueSize());
        return 0;
    }

    @Override
    public Optional<byte[]> userLookup(byte[] key) {
        int i = index(key);
        if (Integer.compareUnsigned(i, def.maxEntries()) >= 0) return Optional.empty();
        byte[] out = new byte[percpuSlot() * values.length];
        for (int c = 0; c < values.length; c++) System.arraycopy(values[c][i].bytes(), 0, out, c * percpuSlot(), def.valueSize());
        return Optional.of(out);
    }

    @Override
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < def.maxEntries(); i++) out.add(indexKey(i));
        return out;
    }
}
