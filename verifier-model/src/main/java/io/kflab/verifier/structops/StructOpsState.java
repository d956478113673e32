package io.kflab.verifier.structops;

/** The state of a struct_ops map's value (kernel: enum bpf_struct_ops_state, in the value's common part). */
public enum StructOpsState {
    /** Created, or reset by a failed update: writable once. */
    INIT(0),
    /** Registered by an update of a map without BPF_F_LINK. */
    INUSE(1),
    /** Deleted while INUSE: unregistered, waiting for the last user. */
    TOBEFREE(2),
    /** Written, BPF_F_LINK map: ready to be registered by BPF_LINK_CREATE. */
    READY(3);

    private final int value;

    StructOpsState(int value) {
        this.value = value;
    }

    /** The kernel's number for the state, as lookup reports it. */
    public int value() {
        return value;
    }

    /** The state for a number; unknown numbers throw. */
    public static StructOpsState of(int value) {
        for (StructOpsState s : values()) if (s.value == value) return s;
        throw new IllegalArgumentException("no struct_ops state " + value);
    }
}
