package io.kflab.catalog.kfunc;

import io.kflab.catalog.provenance.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A kernel function callable from BPF (kernel: a {@code __bpf_kfunc} with BTF FUNC, decl tag
 * "bpf_kfunc" and a BTF_ID_FLAGS entry): name, BTF id, prototype, fastcall and KF_* flags.
 * {@code flags} summarises the flags of its set entries; the entries themselves may differ per set.
 */
public record Kfunc(String name, OptionalInt btfId, Optional<Prototype> prototype, boolean fastcall, KfFlags flags,
        List<Source> sources) {

    public Kfunc {
        Objects.requireNonNull(name);
        if (name.isEmpty()) throw new IllegalArgumentException("a kfunc needs a name");
        Objects.requireNonNull(btfId);
        Objects.requireNonNull(prototype);
        Objects.requireNonNull(flags);
        sources = List.copyOf(sources);
    }

    public static Builder named(String name) { return new Builder(name); }

    public Builder toBuilder() {
        Builder b = new Builder(name).prototype(prototype.orElse(null)).fastcall(fastcall).flags(flags);
        btfId.ifPresent(b::btfId);
        sources.forEach(b::source);
        return b;
    }

    /** Per parameter, the argument suffixes of its name in this vocabulary (empty lists when no prototype). */
    public List<List<String>> annotations(SuffixVocabulary vocabulary) {
        List<List<String>> out = new ArrayList<>();
        prototype.ifPresent(p -> p.params().forEach(prm -> out.add(vocabulary.suffixesOf(prm.name()))));
        return out;
    }

    /**
     * This kfunc with {@code other}'s facts laid over it: other's present id, prototype and known
     * flags win; fastcall is true if either says so; sources are united.
     */
    public Kfunc overlay(Kfunc other) {
        if (!other.name.equals(name)) throw new IllegalArgumentException("cannot overlay " + other.name + " on " + name);
        return new Kfunc(name, other.btfId.isPresent() ? other.btfId : btfId, other.prototype.or(() -> prototype),
                fastcall || other.fastcall, other.flags.isKnown() || !flags.isKnown() ? other.flags : flags,
                Source.union(sources, other.sources));
    }

    /** Builds a {@link Kfunc}; flags default to "unknown (not given)". */
    public static final class Builder {
        private final String name;
        private OptionalInt btfId = OptionalInt.empty();
        private Prototype prototype;
        private boolean fastcall;
        private KfFlags flags = KfFlags.unknown("not given");
        private final List<Source> sources = new ArrayList<>();

        private Builder(String name) { this.name = name; }

        public Builder btfId(int id) { this.btfId = OptionalInt.of(id); return this; }

        public Builder prototype(Prototype p) { this.prototype = p; return this; }

        /** Shorthand for {@code prototype(Prototype.of(returnType, params))}. */
        public Builder prototype(String returnType, Param... params) { return prototype(Prototype.of(returnType, params)); }

        public Builder fastcall(boolean f) { this.fastcall = f; return this; }

        public Builder flags(KfFlags f) { this.flags = Objects.requireNonNull(f); return this; }

        /** Known flags by name, e.g. {@code flags("KF_ACQUIRE", "KF_RET_NULL")}. */
        public Builder flags(String... names) { return flags(KfFlags.of(names)); }

        public Builder source(Source s) { sources.add(Objects.requireNonNull(s)); return this; }

        public Kfunc build() {
            return new Kfunc(name, btfId, Optional.ofNullable(prototype), fastcall, flags, List.copyOf(new java.util.LinkedHashSet<>(sources)));
        }
    }
}
