package io.kflab.verifier.state;

/** A map the program refers to (kernel: struct bpf_map's type, key_size, value_size, max_entries). */
public record MapDef(int type, int keySize, int valueSize, int maxEntries) {
    /** BPF_MAP_TYPE_HASH. */
    public static final int HASH = 1;
    /** BPF_MAP_TYPE_ARRAY. */
    public static final int ARRAY = 2;
}
