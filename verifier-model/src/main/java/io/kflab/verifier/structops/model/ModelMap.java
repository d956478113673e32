package io.kflab.verifier.structops.model;

import io.kflab.verifier.structops.Kdata;
import io.kflab.verifier.structops.StructOpsCatalog;
import io.kflab.verifier.structops.StructOpsState;

/** A struct_ops map in the model (kernel: struct bpf_struct_ops_map): its state, the user's value, the kernel's copy. */
final class ModelMap {
    final int id;
    final StructOpsCatalog.Entry entry;
    final int flags;
    StructOpsState state = StructOpsState.INIT;
    /** The value as lookup shows it (program ids in function slots); zeros while INIT. */
    byte[] uvalue;
    /** The kernel copy after a successful update. */
    Kdata kdata;

    ModelMap(int id, StructOpsCatalog.Entry entry, int flags) {
        this.id = id;
        this.entry = entry;
        this.flags = flags;
        this.uvalue = new byte[entry.type().valueSize()];
    }

    boolean linkFlag() {
        return (flags & MapAttrs.BPF_F_LINK) != 0;
    }

    void reset() {
        state = StructOpsState.INIT;
        uvalue = new byte[entry.type().valueSize()];
        kdata = null;
    }
}
