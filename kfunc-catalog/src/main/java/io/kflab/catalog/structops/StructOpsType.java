package io.kflab.catalog.structops;

import io.kflab.catalog.provenance.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A struct_ops type (kernel: struct bpf_struct_ops, e.g. tcp_congestion_ops, sched_ext_ops) with its function members. */
public record StructOpsType(String name, List<OpsMember> members, List<Source> sources) {
    public StructOpsType {
        Objects.requireNonNull(name);
        members = List.copyOf(members);
        sources = List.copyOf(sources);
    }

    public static StructOpsType of(String name, List<OpsMember> members, Source... sources) {
        return new StructOpsType(name, members, List.of(sources));
    }

    public Optional<OpsMember> member(String member) {
        return members.stream().filter(m -> m.name().equals(member)).findFirst();
    }

    /** Members matched by name: other's facts override, other's new members are added; order by index. */
    public StructOpsType overlay(StructOpsType other) {
        Map<String, OpsMember> m = new LinkedHashMap<>();
        members.forEach(x -> m.put(x.name(), x));
        other.members.forEach(x -> m.merge(x.name(), x, OpsMember::overlay));
        List<OpsMember> out = new ArrayList<>(m.values());
        out.sort(java.util.Comparator.comparingInt(OpsMember::index));
        return new StructOpsType(name, out, Source.union(sources, other.sources));
    }
}
