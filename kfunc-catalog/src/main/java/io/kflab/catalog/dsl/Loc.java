package io.kflab.catalog.dsl;

/** A place in a design file: {@code file:line:column} (line and column start at 1). */
public record Loc(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
