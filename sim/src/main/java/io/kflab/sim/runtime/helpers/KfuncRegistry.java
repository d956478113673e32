package io.kflab.sim.runtime.helpers;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Kfunc implementations registered by simulated subsystems, by name (kernel: the kfunc id sets a
 * subsystem registers with register_btf_kfunc_id_set), and the BTF ids a program's kfunc calls use
 * for those names (the kernel resolves them from vmlinux BTF; here whoever loads the program binds them).
 */
public final class KfuncRegistry {
    private final Map<String, Helper> byName = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    /** Registers {@code impl} for kfunc {@code name}; a second registration of the same name is an error. */
    public KfuncRegistry register(String name, Helper impl) {
        if (byName.putIfAbsent(name, impl) != null) throw new IllegalArgumentException("kfunc " + name + " is already registered");
        return this;
    }

    /** Binds BTF id {@code btfId} (a call insn's imm) to kfunc {@code name}. */
    public KfuncRegistry bind(int btfId, String name) {
        names.put(btfId, name);
        return this;
    }

    public Optional<String> name(int btfId) {
        return Optional.ofNullable(names.get(btfId));
    }

    public Optional<Helper> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The implementation a call with BTF id {@code btfId} reaches, if bound and registered. */
    public Optional<Helper> resolve(int btfId) {
        return name(btfId).flatMap(this::byName);
    }
}
