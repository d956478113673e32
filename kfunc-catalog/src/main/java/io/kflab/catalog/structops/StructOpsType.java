package io.kflab.catalog.structops;

import io.kflab.catalog.filter.FilterRule;
import io.kflab.catalog.provenance.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A struct_ops type (kernel: struct bpf_struct_ops, e.g. tcp_congestion_ops, sched_ext_ops) with its
 * members, and for a subsystem that restricts its kfuncs per member: its resolution design, its
 * context classes and its class table ({@code allows}: which kfuncs or sets each class may call —
 * sched_ext 6.12: the scx_kf_allowed() mask of each kfunc).
 */
public record StructOpsType(String name, List<OpsMember> members, List<Source> sources, Optional<Resolution> design,
        List<String> classes, List<FilterRule> allows) {
    public StructOpsType {
        Objects.requireNonNull(name);
        members = List.copyOf(members);
        sources = List.copyOf(sources);
        Objects.requireNonNull(design);
        classes = List.copyOf(new LinkedHashSet<>(classes));
        allows = List.copyOf(allows);
    }

    public static StructOpsType of(String name, List<OpsMember> members, Source... sources) {
        return new StructOpsType(name, members, List.of(sources), Optional.empty(), List.of(), List.of());
    }

    public StructOpsType withDesign(Resolution d) {
        return new StructOpsType(name, members, sources, Optional.of(d), classes, allows);
    }

    public StructOpsType withClasses(List<String> cs) {
        return new StructOpsType(name, members, sources, design, cs, allows);
    }

    public StructOpsType withAllows(List<FilterRule> rules) {
        return new StructOpsType(name, members, sources, design, classes, rules);
    }

    public Optional<OpsMember> member(String member) {
        return members.stream().filter(m -> m.name().equals(member)).findFirst();
    }

    /** The declared classes, then any other class a member names. */
    public List<String> allClasses() {
        LinkedHashSet<String> out = new LinkedHashSet<>(classes);
        members.forEach(m -> out.addAll(m.contextClasses()));
        return List.copyOf(out);
    }

    /** Whether the class table governs this kfunc (some row names it; sets must be expanded first). */
    public boolean governs(String kfunc) {
        return allows.stream().anyMatch(r -> r.kfuncs().contains(kfunc));
    }

    /**
     * Members matched by name: other's facts override, other's new members are added; order by index.
     * Other's design wins if present; classes are united; other's class table wins if it has rows.
     */
    public StructOpsType overlay(StructOpsType other) {
        Map<String, OpsMember> m = new LinkedHashMap<>();
        members.forEach(x -> m.put(x.name(), x));
        other.members.forEach(x -> m.merge(x.name(), x, OpsMember::overlay));
        List<OpsMember> out = new ArrayList<>(m.values());
        out.sort(java.util.Comparator.comparingInt(OpsMember::index));
        List<String> cs = new ArrayList<>(classes);
        cs.addAll(other.classes);
        return new StructOpsType(name, out, Source.union(sources, other.sources), other.design.or(() -> design), cs,
                other.allows.isEmpty() ? allows : other.allows);
    }
}
