package io.kflab.catalog.scan;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code struct btf_kfunc_id_set} initialiser: {@code .owner}, {@code .set = &ids} and optional
 * {@code .filter}, each kept as the initialiser text.
 */
public record KfuncIdSet(String name, Map<String, String> fields, Condition condition, SourceLine at) {
    public KfuncIdSet {
        fields = Map.copyOf(fields);
    }

    /** The kfunc set the initialiser points at ({@code &} stripped), if given. */
    public Optional<String> set() {
        return Optional.ofNullable(fields.get("set")).map(s -> s.startsWith("&") ? s.substring(1).strip() : s);
    }

    public Optional<String> owner() {
        return Optional.ofNullable(fields.get("owner"));
    }

    public Optional<String> filter() {
        return Optional.ofNullable(fields.get("filter"));
    }
}
