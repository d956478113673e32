package io.kflab.catalog.kfunc;

import io.kflab.catalog.provenance.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kfunc set (kernel: {@code BTF_KFUNCS_START(name)} ... {@code BTF_KFUNCS_END} wrapped in a
 * struct btf_kfunc_id_set) with its entries and the name of its filter, if any.
 */
public record KfuncSet(String name, List<SetEntry> entries, Optional<String> filter, List<Source> sources) {
    public KfuncSet {
        Objects.requireNonNull(name);
        entries = List.copyOf(entries);
        Objects.requireNonNull(filter);
        sources = List.copyOf(sources);
        if (entries.stream().map(SetEntry::kfunc).distinct().count() != entries.size()) {
            throw new IllegalArgumentException("set " + name + " lists a kfunc twice");
        }
    }

    public static KfuncSet of(String name, List<SetEntry> entries, Source... sources) {
        return new KfuncSet(name, entries, Optional.empty(), List.of(sources));
    }

    public KfuncSet withFilter(String filterName) {
        return new KfuncSet(name, entries, Optional.of(filterName), sources);
    }

    public Optional<SetEntry> entry(String kfunc) {
        return entries.stream().filter(e -> e.kfunc().equals(kfunc)).findFirst();
    }

    /** This set with {@code other}'s entries replacing same-named ones and added after them; other's filter wins if present. */
    public KfuncSet overlay(KfuncSet other) {
        Map<String, SetEntry> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.kfunc(), e));
        other.entries.forEach(e -> m.put(e.kfunc(), e));
        return new KfuncSet(name, new ArrayList<>(m.values()), other.filter.or(() -> filter), Source.union(sources, other.sources));
    }
}
