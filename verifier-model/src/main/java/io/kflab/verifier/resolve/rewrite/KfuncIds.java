package io.kflab.verifier.resolve.rewrite;

import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.Subsystem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * kfunc names and the BTF ids a call instruction carries in imm (kernel: BTF_KIND_FUNC ids of
 * vmlinux). {@link #synthetic} numbers a subsystem's kfuncs (names and aliases) for designs that
 * exist in no kernel; {@link #of} takes real ids.
 */
public record KfuncIds(Map<String, Integer> ids) {
    /** First synthetic id: above the ids of a typical vmlinux BTF is not needed; any positive id works for the model. */
    public static final int SYNTHETIC_BASE = 100_000;

    public KfuncIds {
        ids = Map.copyOf(ids);
        if (ids.values().stream().distinct().count() != ids.size()) throw new IllegalArgumentException("two kfuncs share a BTF id");
    }

    public static KfuncIds of(Map<String, Integer> ids) {
        return new KfuncIds(ids);
    }

    /** Ids {@link #SYNTHETIC_BASE}+i for the subsystem's names and aliases in sorted order: stable across runs. */
    public static KfuncIds synthetic(Subsystem s) {
        TreeSet<String> names = new TreeSet<>();
        for (KfuncSpec k : s.kfuncs()) {
            names.add(k.name());
            names.addAll(k.aliases());
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        int i = SYNTHETIC_BASE;
        for (String n : names) m.put(n, i++);
        return new KfuncIds(m);
    }

    public Optional<Integer> id(String name) {
        return Optional.ofNullable(ids.get(name));
    }

    public Optional<String> name(int id) {
        for (var e : ids.entrySet()) if (e.getValue() == id) return Optional.of(e.getKey());
        return Optional.empty();
    }
}
