package io.kflab.sim.runtime.maps;

import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A BPF map in simulated memory (kernel: struct bpf_map and its bpf_map_ops). The program side
 * (lookup returns a value address, update/delete return 0 or a negative errno) mirrors the helpers;
 * the user side mirrors the BPF_MAP_*_ELEM commands, with per-CPU values laid out as the syscall
 * does (one 8-byte-aligned slot per possible CPU).
 */
public abstract sealed class SimMap permits ArrayMap, HashTabMap, PercpuArrayMap, PercpuHashMap, RingbufMap,
        PerfEventArrayMap, ProgArrayMap {
    protected final MapDef def;
    protected final Memory memory;
    private final Region object;

    protected SimMap(MapDef def, Memory memory) {
        this.def = def;
        this.memory = memory;
        this.object = memory.allocate(RegionKind.MAP_OBJECT, def.name(), 0, false);
    }

    public MapDef def() {
        return def;
    }

    /** The map's address: what ld_imm64 with a map fd loads (CONST_PTR_TO_MAP). */
    public long address() {
        return object.base();
    }

    /** bpf_map_lookup_elem from a program: the value's address on the current CPU, or 0 (NULL). */
    public long lookup(byte[] key, int cpu) {
        return 0;
    }

    /** bpf_map_update_elem from a program. */
    public int update(byte[] key, byte[] value, long flags, int cpu) {
        return -Errno.EINVAL;
    }

    /** bpf_map_delete_elem from a program. */
    public int delete(byte[] key) {
        return -Errno.EINVAL;
    }

    /** BPF_MAP_LOOKUP_ELEM: the value (all CPUs' values for per-CPU maps), if the key exists. */
    public Optional<byte[]> userLookup(byte[] key) {
        return Optional.empty();
    }

    /** BPF_MAP_UPDATE_ELEM (per-CPU maps take all CPUs' values); 0 or a negative errno. */
    public int userUpdate(byte[] key, byte[] value, long flags) {
        return update(key, value, flags, 0);
    }

    /** The keys in the map's iteration order (BPF_MAP_GET_NEXT_KEY). */
    public List<byte[]> keys() {
        return List.of();
    }

    /** Every entry as hex key → hex value, sorted by key (the form differential runs compare). */
    public SortedMap<String, String> dump() {
        HexFormat hex = HexFormat.of();
        SortedMap<String, String> out = new TreeMap<>();
        for (byte[] k : keys()) userLookup(k).ifPresent(v -> out.put(hex.formatHex(k), hex.formatHex(v)));
        return out;
    }

    /** Size of one CPU's value in a per-CPU user buffer (kernel: round_up(value_size, 8)). */
    protected int percpuSlot() {
        return (def.valueSize() + 7) & ~7;
    }

    protected static int index(byte[] key) {
        return (key[0] & 0xff) | (key[1] & 0xff) << 8 | (key[2] & 0xff) << 16 | (key[3] & 0xff) << 24;
    }

    protected static byte[] indexKey(int i) {
        return new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16), (byte) (i >> 24)};
    }

    /** Creates the map for {@code def} (array, hash, per-CPU array/hash, LRU hash, ring buffer, perf event array, prog array). */
    public static SimMap create(MapDef def, Memory memory, int cpus) {
        return switch (def.type()) {
            case ARRAY -> new ArrayMap(def, memory);
            case HASH -> new HashTabMap(def, memory, false);
            case LRU_HASH -> new HashTabMap(def, memory, true);
            case PERCPU_ARRAY -> new PercpuArrayMap(def, memory, cpus);
            case PERCPU_HASH -> new PercpuHashMap(def, memory, cpus);
            case RINGBUF -> new RingbufMap(def, memory);
            case PERF_EVENT_ARRAY -> new PerfEventArrayMap(def, memory, cpus);
            case PROG_ARRAY -> new ProgArrayMap(def, memory);
            default -> throw new UnsupportedOperationException("map type " + def.type().cliName() + " is not simulated");
        };
    }
}
