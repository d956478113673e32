package io.kflab.catalog.diff;

import java.util.Objects;

/** One difference between two catalogs for one kfunc, classified with the reason. */
public record Change(Kind kind, String kfunc, String detail, Compatibility compatibility, String reason) {
    public enum Kind { ADDED, REMOVED, RENAMED, PROTOTYPE, FLAGS, REGISTRATION }

    public Change {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(kfunc);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(compatibility);
        Objects.requireNonNull(reason);
    }
}
