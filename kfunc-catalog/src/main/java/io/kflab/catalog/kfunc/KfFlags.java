package io.kflab.catalog.kfunc;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The KF_* flags of a kfunc or set entry (kernel: the u32 after the BTF id in btf_id_set8), by
 * name; {@link Unknown} when no source said (a BTF-only catalog): never guessed.
 */
public sealed interface KfFlags {

    /** The flags are known: these names (possibly none). */
    record Known(Set<String> names) implements KfFlags {
        public Known { names = Set.copyOf(names); }
        @Override public String describe() { return names.isEmpty() ? "none" : String.join("|", new TreeSet<>(names)); }
    }

    /** No source gave the flags; {@code why} says which kind of catalog this is, e.g. "BTF only". */
    record Unknown(String why) implements KfFlags {
        public Unknown { Objects.requireNonNull(why); }
        @Override public String describe() { return "unknown (" + why + ")"; }
    }

    String describe();

    static KfFlags of(String... names) {
        for (String n : names) {
            if (!n.startsWith("KF_")) throw new IllegalArgumentException("expected a KF_* flag name, found '" + n + "'");
        }
        return new Known(Set.copyOf(Arrays.asList(names)));
    }

    static KfFlags none() { return new Known(Set.of()); }

    static KfFlags unknownBtfOnly() { return new Unknown("BTF only"); }

    static KfFlags unknown(String why) { return new Unknown(why); }

    default boolean isKnown() { return this instanceof Known; }

    /** Whether the flag is set; empty when the flags are unknown. */
    default java.util.Optional<Boolean> has(String flag) {
        return this instanceof Known k ? java.util.Optional.of(k.names().contains(flag)) : java.util.Optional.empty();
    }
}
