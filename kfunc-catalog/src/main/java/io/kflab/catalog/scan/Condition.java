package io.kflab.catalog.scan;

import java.util.List;

/**
 * The preprocessor condition ({@code #if}/{@code #ifdef}/{@code #elif}/{@code #else} nesting) a
 * declaration sits under; one clause per enclosing conditional, outermost first. Include guards
 * are left out.
 */
public record Condition(List<String> clauses) {
    public static final Condition ALWAYS = new Condition(List.of());

    public Condition {
        clauses = List.copyOf(clauses);
    }

    public boolean always() {
        return clauses.isEmpty();
    }

    /** The clauses joined with {@code &&}; empty when unconditional. */
    public String text() {
        return clauses.size() == 1 ? clauses.getFirst()
                : String.join(" && ", clauses.stream().map(c -> "(" + c + ")").toList());
    }

    @Override
    public String toString() {
        return always() ? "always" : text();
    }
}
