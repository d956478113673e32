package io.kflab.catalog.dsl;

/** A name as written (kfunc, set, struct_ops type, member, context class, program type, ...). */
public record Name(String text, Loc loc) implements Node {
    @Override
    public String toString() {
        return text;
    }
}
