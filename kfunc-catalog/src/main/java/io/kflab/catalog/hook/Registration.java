package io.kflab.catalog.hook;

import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.provenance.Source;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A set registered for a program type (kernel: {@code register_btf_kfunc_id_set(BPF_PROG_TYPE_X, &set)};
 * an empty {@code progType} is BPF_PROG_TYPE_UNSPEC, the COMMON hook). {@code fmodret} registrations
 * (kernel: register_btf_fmodret_id_set) name fmod_ret targets and make nothing callable.
 */
public record Registration(String set, Optional<ProgType> progType, boolean fmodret, Optional<String> condition,
        List<Source> sources) {

    public Registration {
        Objects.requireNonNull(set);
        Objects.requireNonNull(progType);
        Objects.requireNonNull(condition);
        sources = List.copyOf(sources);
    }

    /** {@code register_btf_kfunc_id_set(type, &set)}. */
    public static Registration of(String set, ProgType type, Source... sources) {
        return new Registration(set, Optional.of(type), false, Optional.empty(), List.of(sources));
    }

    /** {@code register_btf_kfunc_id_set(BPF_PROG_TYPE_UNSPEC, &set)}: the COMMON hook. */
    public static Registration common(String set, Source... sources) {
        return new Registration(set, Optional.empty(), false, Optional.empty(), List.of(sources));
    }

    /** {@code register_btf_fmodret_id_set(&set)}: the FMODRET hook, not callable. */
    public static Registration fmodret(String set, Source... sources) {
        return new Registration(set, Optional.empty(), true, Optional.empty(), List.of(sources));
    }

    public Registration when(String config) {
        return new Registration(set, progType, fmodret, Optional.of(config), sources);
    }

    /** The hook this registration adds the set to in a kernel with this table; empty when that kernel has no such hook (the kernel returns EINVAL). */
    public Optional<Hook> hook(HookTable table) {
        if (fmodret) return table.hooks().contains(Hook.FMODRET) ? Optional.of(Hook.FMODRET) : Optional.empty();
        if (progType.isEmpty()) return table.hasCommon() ? Optional.of(Hook.COMMON) : Optional.empty();
        return table.hookOf(progType.get());
    }

    /** {@code unspec}, {@code fmodret} or the program type's cli name. */
    public String target() {
        return fmodret ? "fmodret" : progType.map(ProgType::cliName).orElse("unspec");
    }
}
