package io.kflab.catalog.dsl;

import java.util.List;

/** A C function prototype: {@code int foo(struct task_struct *p)}. */
public record Prototype(CType returns, String name, List<Param> params, Loc loc) implements Node {
    public Prototype {
        params = List.copyOf(params);
    }
}
