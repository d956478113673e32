package io.kflab.sim.runtime.maps;

import io.kflab.sim.runtime.mem.Memory;
import java.util.Optional;

/** BPF_MAP_TYPE_PROG_ARRAY: tail call targets by u32 index; user space stores program fds, programs cannot update it. */
public final class ProgArrayMap extends SimMap {
    private final int[] progs;

    ProgArrayMap(MapDef def, Memory memory) {
        super(def, memory);
        if (def.keySize() != 4 || def.valueSize() != 4) throw new IllegalArgumentException("prog array " + def.name() + ": key and value size must be 4");
        progs = new int[def.maxEntries()];
        java.util.Arrays.fill(progs, -1);
    }

    /** The program fd at {@code index}, or empty (out of range or unset). */
    public Optional<Integer> prog(long index) {
        if (index < 0 || index >= progs.length || progs[(int) index] < 0) return Optional.empty();
        return Optional.of(progs[(int) index]);
    }

    @Override
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        return -Errno.EINVAL;
    }

    @Override
    public int userUpdate(byte[] key, byte[] value, long flags) {
        int i = index(key);
        if (Integer.compareUnsigned(i, progs.length) >= 0) return -Errno.E2BIG;
        progs[i] = index(value);
        return 0;
    }

    @Override
    public int delete(byte[] key) {
        int i = index(key);
        if (Integer.compareUnsigned(i, progs.length) >= 0) return -Errno.E2BIG;
        if (progs[i] < 0) return -Errno.ENOENT;
        progs[i] = -1;
        return 0;
    }
}
