package io.kflab.catalog.context;

import java.util.Objects;

/** The struct_ops member a STRUCT_OPS program implements (kernel: prog->aux->attach_st_ops + member offset). */
public record StructOpsTarget(String type, String member) {
    public StructOpsTarget {
        Objects.requireNonNull(type);
        Objects.requireNonNull(member);
    }

    @Override public String toString() { return type + "." + member; }
}
