package io.kflab.catalog.kfunc;

import io.kflab.catalog.provenance.Source;
import java.util.List;
import java.util.Objects;

/** A kfunc renamed between versions (e.g. sched_ext 6.13: scx_bpf_dispatch → scx_bpf_dsq_insert); {@code since} is the version of the new name. */
public record Rename(String oldName, String newName, String since, List<Source> sources) {
    public Rename {
        Objects.requireNonNull(oldName);
        Objects.requireNonNull(newName);
        Objects.requireNonNull(since);
        sources = List.copyOf(sources);
        if (oldName.equals(newName)) throw new IllegalArgumentException("rename of " + oldName + " to itself");
    }

    public static Rename of(String oldName, String newName, String since) {
        return new Rename(oldName, newName, since, List.of());
    }

    /** The sched_ext renames of Linux 6.13 (old names kept as deprecated aliases until 6.15). */
    public static List<Rename> schedExt613() {
        return List.of(
                of("scx_bpf_dispatch", "scx_bpf_dsq_insert", "6.13"),
                of("scx_bpf_dispatch_vtime", "scx_bpf_dsq_insert_vtime", "6.13"),
                of("scx_bpf_consume", "scx_bpf_dsq_move_to_local", "6.13"),
                of("scx_bpf_dispatch_from_dsq", "scx_bpf_dsq_move", "6.13"),
                of("scx_bpf_dispatch_vtime_from_dsq", "scx_bpf_dsq_move_vtime", "6.13"),
                of("scx_bpf_dispatch_from_dsq_set_slice", "scx_bpf_dsq_move_set_slice", "6.13"),
                of("scx_bpf_dispatch_from_dsq_set_vtime", "scx_bpf_dsq_move_set_vtime", "6.13"));
    }
}
