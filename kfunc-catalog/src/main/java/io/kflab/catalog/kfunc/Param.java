package io.kflab.catalog.kfunc;

import java.util.Objects;

/** A kfunc parameter (kernel: struct btf_param): its name, which carries the argument suffix, and its C type text. */
public record Param(String name, String type) {
    public Param {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }

    /** The C declaration, e.g. {@code struct task_struct *p} or {@code u32 sz__szk}. */
    public String declaration() {
        if (name.isEmpty()) return type;
        return type.endsWith("*") ? type + name : type + " " + name;
    }
}
