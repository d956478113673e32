package io.kflab.verifier.structops;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.diag.BadInputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The struct_ops subsystems one (model) kernel has (kernel: the descriptors register_bpf_struct_ops
 * added, found by bpf_struct_ops_find / bpf_struct_ops_find_value): each BTF type paired with its
 * descriptor. {@link #register} is the extension point for further subsystems (sched_ext in Java,
 * {@link DeclaredSubsystem} from design files).
 */
public final class StructOpsCatalog {
    /** A type with its descriptor (kernel: struct bpf_struct_ops_desc). */
    public record Entry(StructOpsType type, StructOpsSubsystem subsystem) {}

    private final Map<String, StructOpsType> types = new LinkedHashMap<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** A catalog over these BTF types, with no descriptor registered yet. */
    public StructOpsCatalog(Collection<StructOpsType> btfTypes) {
        for (StructOpsType t : btfTypes) types.put(t.name(), t);
    }

    /**
     * The catalog of a kernel whose BTF is {@code btf}, with the built-in descriptors for the types it
     * has: tcp_congestion_ops (with {@code tcpBuiltins} already registered and flag mask
     * {@code congMask}) and bpf_dummy_ops.
     */
    public static StructOpsCatalog builtin(Btf btf, Collection<String> tcpBuiltins, long congMask) {
        StructOpsCatalog c = new StructOpsCatalog(StructOpsType.all(btf));
        if (c.types.containsKey(TcpCongestionOps.NAME)) c.register(new TcpCongestionOps(tcpBuiltins, congMask));
        if (c.types.containsKey(BpfDummyOps.NAME)) c.register(new BpfDummyOps());
        return c;
    }

    /**
     * Adds a descriptor (kernel: register_bpf_struct_ops → bpf_struct_ops_desc_init): its BTF type
     * must exist and {@code init} must succeed.
     *
     * @throws BadInputException when the BTF has no such struct_ops type, the type is registered, or init fails
     */
    public StructOpsCatalog register(StructOpsSubsystem subsystem) {
        StructOpsType t = types.get(subsystem.name());
        if (t == null) {
            throw new BadInputException("struct_ops subsystem " + subsystem.name(),
                    "a struct_ops type of this BTF; it has: " + String.join(", ", types.keySet()));
        }
        if (entries.containsKey(t.name())) {
            throw new BadInputException("struct_ops subsystem " + subsystem.name(), "one descriptor per type; it is registered");
        }
        subsystem.init(t).ifPresent(e -> {
            throw new BadInputException("struct_ops subsystem " + subsystem.name(), "init to succeed; it returned " + e.name());
        });
        entries.put(t.name(), new Entry(t, subsystem));
        return this;
    }

    /** Every BTF struct_ops type, with or without a descriptor. */
    public List<StructOpsType> types() {
        return List.copyOf(types.values());
    }

    /** The types that have a descriptor. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry for a struct name. */
    public Optional<Entry> byName(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** kernel: bpf_struct_ops_find(btf, type_id). */
    public Optional<Entry> byTypeId(int typeId) {
        return entries.values().stream().filter(e -> e.type().typeId() == typeId).findFirst();
    }

    /** kernel: bpf_struct_ops_find_value(btf, value_id). */
    public Optional<Entry> byValueTypeId(int valueTypeId) {
        return entries.values().stream().filter(e -> e.type().valueTypeId() == valueTypeId).findFirst();
    }

    /** The descriptor of a type, cast to its class (e.g. to read {@link TcpCongestionOps#available()}). */
    public <T extends StructOpsSubsystem> Optional<T> subsystem(String name, Class<T> cls) {
        return byName(name).map(Entry::subsystem).filter(cls::isInstance).map(cls::cast);
    }
}
