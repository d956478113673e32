package io.kflab.sim.runtime.maps;

import io.kflab.bpf.sys.MapType;

/** A map's creation attributes (kernel: the map_type, key_size, value_size, max_entries, map_flags of BPF_MAP_CREATE). */
public record MapDef(String name, MapType type, int keySize, int valueSize, int maxEntries, int flags) {
    public MapDef {
        if (keySize < 0 || valueSize < 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("map " + name + ": sizes must be non-negative and max_entries positive");
        }
    }

    public static MapDef of(String name, MapType type, int keySize, int valueSize, int maxEntries) {
        return new MapDef(name, type, keySize, valueSize, maxEntries, 0);
    }
}
