package io.kflab.bpf.asm;

import io.kflab.bpf.isa.Helpers;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds names used by assembly to values: explicit bindings first, then helpers by name, then
 * kfuncs by name (through a BTF lookup), as {@code %[name]} operands resolve in the selftests.
 */
public final class SymbolTable {
    private final Map<String, Symbol> bound;
    private final Helpers helpers;
    private final Function<String, Integer> kfuncIds;

    private SymbolTable(Map<String, Symbol> bound, Helpers helpers, Function<String, Integer> kfuncIds) {
        this.bound = Map.copyOf(bound);
        this.helpers = helpers;
        this.kfuncIds = kfuncIds;
    }

    /** Helpers from the built-in table; no kfuncs, no bindings. */
    public static SymbolTable builtin() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Symbol> resolve(String name) {
        Symbol s = bound.get(name);
        if (s != null) return Optional.of(s);
        Integer helper = helpers.id(name);
        if (helper != null && name.startsWith("bpf_")) return Optional.of(new Symbol.Helper(helper));
        Integer kfunc = kfuncIds.apply(name);
        if (kfunc != null) return Optional.of(new Symbol.Kfunc(kfunc, (short) 0));
        return Optional.empty();
    }

    public Helpers helpers() {
        return helpers;
    }

    /** Builds a table. */
    public static final class Builder {
        private final Map<String, Symbol> bound = new HashMap<>();
        private Helpers helpers = Helpers.builtin();
        private Function<String, Integer> kfuncIds = n -> null;

        public Builder bind(String name, Symbol value) {
            bound.put(name, value);
            return this;
        }

        public Builder constant(String name, long value) {
            return bind(name, new Symbol.Constant(value));
        }

        public Builder mapFd(String name, int fd) {
            return bind(name, Symbol.MapRef.fd(fd));
        }

        public Builder helpers(Helpers helpers) {
            this.helpers = helpers;
            return this;
        }

        /** Resolves kfunc names to BTF ids (null when unknown), e.g. through the kernel's BTF. */
        public Builder kfuncs(Function<String, Integer> kfuncIds) {
            this.kfuncIds = kfuncIds;
            return this;
        }

        public SymbolTable build() {
            return new SymbolTable(bound, helpers, kfuncIds);
        }
    }
}
