package io.kflab.catalog.matrix;

import java.util.Objects;

/** A predicted verdict with a one-line reason naming the deciding fact. */
public record Decision(Verdict verdict, String reason) {
    public Decision {
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(reason);
        if (reason.isBlank()) throw new IllegalArgumentException("a decision needs a reason");
    }
}
