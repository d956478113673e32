package io.kflab.sim.runtime.helpers;

import io.kflab.bpf.isa.Helpers;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The helpers the runtime implements, by id (kernel: the func_proto each program type's get_func_proto returns). */
public final class HelperTable {
    private final Map<Integer, Helper> byId = new TreeMap<>();

    /** All helpers kflab simulates. */
    public static HelperTable standard() {
        HelperTable t = new HelperTable();
        MapHelpers.install(t);
        TaskHelpers.install(t);
        OutputHelpers.install(t);
        LoopHelper.install(t);
        return t;
    }

    /** Registers {@code impl} as the helper named {@code bpf_<name>} (name as in enum bpf_func_id, prefix optional). */
    public HelperTable register(String name, Helper impl) {
        Integer id = Helpers.builtin().id(name);
        if (id == null) throw new IllegalArgumentException("no helper named " + name);
        byId.put(id, impl);
        return this;
    }

    public Optional<Helper> get(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Ids of the implemented helpers. */
    public java.util.Set<Integer> ids() {
        return java.util.Collections.unmodifiableSet(byId.keySet());
    }

    /** The id of helper {@code name}. */
    public static int id(String name) {
        Integer id = Helpers.builtin().id(name);
        if (id == null) throw new IllegalArgumentException("no helper named " + name);
        return id;
    }
}
