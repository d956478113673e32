package io.kflab.catalog.dsl;

/** A finding in a design that does not stop it from loading (an unknown KF_* flag, an unknown program type). */
public record Warning(Loc loc, String message) {
    /** {@code file:line:column: warning: message}. */
    public String oneLine() {
        return loc + ": warning: " + message;
    }
}
