package io.kflab.verifier.resolve.design;

import io.kflab.catalog.structops.Resolution;
import java.util.Objects;

/** What a design is, as kfunc-designs.md tabulates it: letter, when it decides, whether it can deny at load or pick an implementation, and where it comes from upstream. */
public record Profile(Resolution kind, char letter, String title, String decidedAt, boolean denyAtLoad, boolean picksImplementation,
        String runtimeCost, String upstream) {
    public Profile {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(title);
        Objects.requireNonNull(decidedAt);
        Objects.requireNonNull(runtimeCost);
        Objects.requireNonNull(upstream);
    }
}
