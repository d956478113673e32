package io.kflab.catalog.dsl;

/**
 * A C type as written in a prototype: the base ({@code u64}, {@code struct task_struct},
 * {@code unsigned long long}), pointer depth and whether the pointee/base is {@code const}.
 */
public record CType(String base, int pointers, boolean constant, Loc loc) implements Node {
    /** True for a plain {@code void}. */
    public boolean isVoid() {
        return base.equals("void") && pointers == 0;
    }

    /** The C spelling, e.g. {@code const struct cpumask *}. */
    public String spelling() {
        return (constant ? "const " : "") + base + (pointers == 0 ? "" : " " + "*".repeat(pointers));
    }
}
