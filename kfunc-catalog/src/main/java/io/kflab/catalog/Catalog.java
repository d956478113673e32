package io.kflab.catalog;

import io.kflab.catalog.filter.Filter;
import io.kflab.catalog.filter.FilterRule;
import io.kflab.catalog.hook.HookTable;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.Family;
import io.kflab.catalog.kfunc.KfFlagBits;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.Rename;
import io.kflab.catalog.kfunc.SuffixVocabulary;
import io.kflab.catalog.matrix.Observation;
import io.kflab.catalog.provenance.Source;
import io.kflab.catalog.structops.StructOpsType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * Everything kflab knows about one kernel's (or design's) kfunc machinery: kfuncs, sets,
 * registrations, the hook table, filters, struct_ops types, polymorphic families, renames,
 * KF_* bits, argument suffixes and probe observations, each fact with its sources.
 * Maps are keyed and sorted by name. The tables are empty when no source gave them.
 */
public record Catalog(String name, SequencedMap<String, Kfunc> kfuncs, SequencedMap<String, KfuncSet> sets,
        List<Registration> registrations, Optional<HookTable> hookTable, SequencedMap<String, Filter> filters,
        SequencedMap<String, StructOpsType> structOps, SequencedMap<String, Family> families, List<Rename> renames,
        Optional<KfFlagBits> flagBits, Optional<SuffixVocabulary> suffixes, List<Observation> observations,
        List<Source> sources) {

    public Catalog {
        Objects.requireNonNull(name);
        kfuncs = sorted(kfuncs);
        sets = sorted(sets);
        registrations = List.copyOf(new LinkedHashSet<>(registrations));
        Objects.requireNonNull(hookTable);
        filters = sorted(filters);
        structOps = sorted(structOps);
        families = sorted(families);
        renames = List.copyOf(new LinkedHashSet<>(renames));
        Objects.requireNonNull(flagBits);
        Objects.requireNonNull(suffixes);
        observations = List.copyOf(new LinkedHashSet<>(observations));
        sources = List.copyOf(new LinkedHashSet<>(sources));
        kfuncs.forEach((k, v) -> check(k, v.name(), "kfunc"));
        sets.forEach((k, v) -> check(k, v.name(), "set"));
        filters.forEach((k, v) -> check(k, v.name(), "filter"));
        structOps.forEach((k, v) -> check(k, v.name(), "struct_ops type"));
        families.forEach((k, v) -> check(k, v.generic(), "family"));
    }

    /** A catalog with nothing in it; the neutral element of {@link #overlay}. */
    public static Catalog empty() {
        return builder("").build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        kfuncs.values().forEach(b::kfunc);
        sets.values().forEach(b::set);
        registrations.forEach(b::registration);
        hookTable.ifPresent(b::hookTable);
        filters.values().forEach(b::filter);
        structOps.values().forEach(b::structOps);
        families.values().forEach(b::family);
        renames.forEach(b::rename);
        flagBits.ifPresent(b::flagBits);
        suffixes.ifPresent(b::suffixes);
        observations.forEach(b::observation);
        sources.forEach(b::source);
        return b;
    }

    public Optional<Kfunc> kfunc(String name) {
        return Optional.ofNullable(kfuncs.get(name));
    }

    /**
     * This catalog with {@code other} laid over it (a design "running kernel plus my kfuncs", or a
     * source catalog over a BTF one): other adds facts and overrides same-named ones field by
     * field — a kfunc keeps this catalog's BTF id, prototype and flags where other has none (unknown
     * flags never replace known ones); sets merge entries; struct_ops types merge members; lists
     * are united; other's tables win when present. {@code a.overlay(empty()) equals a}.
     */
    public Catalog overlay(Catalog other) {
        String n = other.name.isEmpty() ? name : name.isEmpty() ? other.name : name + " + " + other.name;
        return new Catalog(n,
                merge(kfuncs, other.kfuncs, Kfunc::overlay),
                merge(sets, other.sets, KfuncSet::overlay),
                concat(registrations, other.registrations),
                other.hookTable.or(() -> hookTable),
                merge(filters, other.filters, (a, b) -> b),
                merge(structOps, other.structOps, StructOpsType::overlay),
                merge(families, other.families, (a, b) -> b),
                concat(renames, other.renames),
                other.flagBits.or(() -> flagBits),
                other.suffixes.or(() -> suffixes),
                concat(observations, other.observations),
                Source.union(sources, other.sources));
    }

    /** The kinds of named definition {@link #without} can take out. */
    public enum Part { KFUNC, SET, STRUCT_OPS, FAMILY, FILTER }

    /**
     * This catalog without one definition and the references to it (a design's {@code remove}): a kfunc
     * leaves its set entries, filter and class-table rows, the families it is generic of and the
     * variants it is; a set leaves its registrations and the rows naming it; a filter leaves the sets
     * using it. Nothing happens if there is no such definition.
     */
    public Catalog without(Part part, String n) {
        Builder b = toBuilder();
        switch (part) {
            case KFUNC -> {
                b.kfuncs.remove(n);
                b.families.remove(n);
                sets.values().forEach(s -> {
                    if (s.entry(n).isPresent()) {
                        b.set(new KfuncSet(s.name(), s.entries().stream().filter(e -> !e.kfunc().equals(n)).toList(), s.filter(), s.sources()));
                    }
                });
                families.values().forEach(f -> {
                    if (f.variants().stream().anyMatch(v -> v.kfunc().equals(n))) {
                        b.family(new Family(f.generic(), f.variants().stream().filter(v -> !v.kfunc().equals(n)).toList(), f.sources()));
                    }
                });
                dropFromRules(b, Set.of(n), Set.of());
            }
            case SET -> {
                b.sets.remove(n);
                b.registrations.removeIf(r -> r.set().equals(n));
                dropFromRules(b, Set.of(), Set.of(n));
            }
            case FILTER -> {
                b.filters.remove(n);
                sets.values().forEach(s -> {
                    if (s.filter().equals(Optional.of(n))) b.set(new KfuncSet(s.name(), s.entries(), Optional.empty(), s.sources()));
                });
            }
            case STRUCT_OPS -> b.structOps.remove(n);
            case FAMILY -> b.families.remove(n);
        }
        return b.build();
    }

    private void dropFromRules(Builder b, Set<String> kfuncNames, Set<String> setNames) {
        java.util.function.UnaryOperator<List<FilterRule>> strip = rules -> rules.stream()
                .map(r -> new FilterRule(minus(r.kfuncs(), kfuncNames), minus(r.sets(), setNames), r.allowWhen()))
                .filter(r -> !r.kfuncs().isEmpty() || !r.sets().isEmpty()).toList();
        filters.values().forEach(f -> b.filter(new Filter(f.name(), f.kind(), strip.apply(f.rules()), f.sources())));
        structOps.values().forEach(t -> b.structOps(t.withAllows(strip.apply(t.allows()))));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.removeAll(b);
        return out;
    }

    /**
     * A BTF catalog and a source catalog of the same kernel combined: ids, prototypes and
     * fastcall from BTF, flags, sets and registrations from source (the source catalog's name).
     */
    public static Catalog merge(Catalog fromBtf, Catalog fromSource) {
        Catalog c = fromSource.overlay(fromBtf);
        return c.toBuilder().name(fromSource.name.isEmpty() ? fromBtf.name : fromSource.name).build();
    }

    private static <V> SequencedMap<String, V> merge(Map<String, V> a, Map<String, V> b, BinaryOperator<V> f) {
        TreeMap<String, V> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, f));
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        LinkedHashSet<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static <V> SequencedMap<String, V> sorted(Map<String, V> m) {
        return java.util.Collections.unmodifiableSequencedMap(new TreeMap<>(m));
    }

    private static void check(String key, String name, String what) {
        if (!key.equals(name)) throw new IllegalArgumentException(what + " keyed '" + key + "' is named '" + name + "'");
    }

    /** Builds a {@link Catalog}; adding a fact with a name already present replaces it. */
    public static final class Builder {
        private String name;
        private final TreeMap<String, Kfunc> kfuncs = new TreeMap<>();
        private final TreeMap<String, KfuncSet> sets = new TreeMap<>();
        private final List<Registration> registrations = new ArrayList<>();
        private HookTable hookTable;
        private final TreeMap<String, Filter> filters = new TreeMap<>();
        private final TreeMap<String, StructOpsType> structOps = new TreeMap<>();
        private final TreeMap<String, Family> families = new TreeMap<>();
        private final List<Rename> renames = new ArrayList<>();
        private KfFlagBits flagBits;
        private SuffixVocabulary suffixes;
        private final List<Observation> observations = new ArrayList<>();
        private final List<Source> sources = new ArrayList<>();

        private Builder(String name) { this.name = Objects.requireNonNull(name); }

        public Builder name(String n) { this.name = Objects.requireNonNull(n); return this; }

        public Builder kfunc(Kfunc k) { kfuncs.put(k.name(), k); return this; }

        public Builder kfuncs(Collection<Kfunc> ks) { ks.forEach(this::kfunc); return this; }

        public Builder set(KfuncSet s) { sets.put(s.name(), s); return this; }

        public Builder registration(Registration r) { registrations.add(r); return this; }

        public Builder hookTable(HookTable t) { this.hookTable = t; return this; }

        public Builder filter(Filter f) { filters.put(f.name(), f); return this; }

        public Builder structOps(StructOpsType t) { structOps.put(t.name(), t); return this; }

        public Builder family(Family f) { families.put(f.generic(), f); return this; }

        public Builder rename(Rename r) { renames.add(r); return this; }

        public Builder renames(Collection<Rename> rs) { renames.addAll(rs); return this; }

        public Builder flagBits(KfFlagBits b) { this.flagBits = b; return this; }

        public Builder suffixes(SuffixVocabulary v) { this.suffixes = v; return this; }

        public Builder observation(Observation o) { observations.add(o); return this; }

        public Builder source(Source s) { sources.add(s); return this; }

        /** Hook table, KF_* bits and argument suffixes of a kernel version (the newest known not newer than it). */
        public Builder version(String version) {
            return hookTable(HookTable.forVersion(version)).flagBits(KfFlagBits.forVersion(version))
                    .suffixes(SuffixVocabulary.forVersion(version));
        }

        public Catalog build() {
            return new Catalog(name, kfuncs, sets, registrations, Optional.ofNullable(hookTable), filters, structOps, families,
                    renames, Optional.ofNullable(flagBits), Optional.ofNullable(suffixes), observations, sources);
        }
    }
}
