package io.kflab.verifier.state;

/** A map the program refers to (kernel: struct bpf_map's type, key_size, value_size, max_entries, map_flags). */
public record MapDef(int type, int keySize, int valueSize, int maxEntries, int flags) {
    /** BPF_F_RDONLY_PROG: programs may not write values (kernel: bpf_map_flags_to_cap). */
    public static final int RDONLY_PROG = 1 << 7;
    /** BPF_F_WRONLY_PROG: programs may not read values. */
    public static final int WRONLY_PROG = 1 << 8;

    public MapDef(int type, int keySize, int valueSize, int maxEntries) {
        this(type, keySize, valueSize, maxEntries, 0);
    }

    /** BPF_MAP_TYPE_HASH. */
    public static final int HASH = 1;
    /** BPF_MAP_TYPE_ARRAY. */
    public static final int ARRAY = 2;
}
