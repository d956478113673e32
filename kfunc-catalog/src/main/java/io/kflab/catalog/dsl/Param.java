package io.kflab.catalog.dsl;

import java.util.Optional;

/** A kfunc or struct_ops member parameter; its name may carry a verifier suffix like {@code __sz}. */
public record Param(CType type, String name, Loc loc) implements Node {
    /** The kernel argument suffix ({@code sz}, {@code nullable}, {@code k}, ...), if the name has one. */
    public Optional<String> suffix() {
        int at = name.lastIndexOf("__");
        return at > 0 && at + 2 < name.length() ? Optional.of(name.substring(at + 2)) : Optional.empty();
    }
}
