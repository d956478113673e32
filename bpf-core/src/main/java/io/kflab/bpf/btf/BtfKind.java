package io.kflab.bpf.btf;

/** The kind of a BTF type (kernel: the BTF_KIND_* values in bits 24-30 of btf_type.info). */
public enum BtfKind {
    UNKN, INT, PTR, ARRAY, STRUCT, UNION, ENUM, FWD, TYPEDEF, VOLATILE, CONST, RESTRICT,
    FUNC, FUNC_PROTO, VAR, DATASEC, FLOAT, DECL_TAG, TYPE_TAG, ENUM64,
    /** A kind this reader does not know, skipped with the help of the layout section. */
    UNKNOWN_KIND;

    private static final BtfKind[] KNOWN = java.util.Arrays.copyOf(values(), 20);

    /** The kernel's number for this kind; -1 for {@link #UNKNOWN_KIND}. */
    public int number() {
        return this == UNKNOWN_KIND ? -1 : ordinal();
    }

    /** The known kind with the kernel number {@code n}, or {@link #UNKNOWN_KIND}. */
    public static BtfKind of(int n) {
        return n >= 0 && n < KNOWN.length ? KNOWN[n] : UNKNOWN_KIND;
    }

    /** Number of kinds this reader knows (kernel: NR_BTF_KINDS). */
    public static final int KNOWN_COUNT = 20;
}
