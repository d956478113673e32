package io.kflab.catalog.hook;

import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.kfunc.KernelVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A kernel version's mapping of program types to kfunc hooks (kernel: bpf_prog_type_to_kfunc_hook)
 * and the hooks that exist; with a COMMON hook, lookup tries it first (kernel: btf_kfunc_id_set_contains).
 */
public record HookTable(String version, Set<Hook> hooks, Map<ProgType, Hook> byProgType) {
    private static final String RESOURCE = "hook-tables.txt";
    private static final Map<String, HookTable> KNOWN = load();

    public HookTable {
        Objects.requireNonNull(version);
        hooks = Set.copyOf(hooks);
        byProgType = Map.copyOf(byProgType);
        for (Map.Entry<ProgType, Hook> e : byProgType.entrySet()) {
            if (!hooks.contains(e.getValue())) {
                throw new IllegalArgumentException(version + ": " + e.getKey().cliName() + " maps to missing hook " + e.getValue());
            }
        }
    }

    /** The table of the newest known version (6.1, 6.12, 6.18, 7.3) not newer than {@code version}. */
    public static HookTable forVersion(String version) {
        return KNOWN.get(KernelVersions.nearest(version));
    }

    /** The hook a program type's kfunc lookups use besides COMMON; empty for types without one (COMMON kfuncs only). */
    public Optional<Hook> hookOf(ProgType type) {
        return Optional.ofNullable(byProgType.get(type));
    }

    /** Whether this kernel has the COMMON hook (registrations for BPF_PROG_TYPE_UNSPEC, checked first). */
    public boolean hasCommon() {
        return hooks.contains(Hook.COMMON);
    }

    /** The program types that use this hook. */
    public Set<ProgType> progTypesOf(Hook hook) {
        Set<ProgType> out = EnumSet.noneOf(ProgType.class);
        byProgType.forEach((t, h) -> { if (h == hook) out.add(t); });
        return out;
    }

    private static Map<String, HookTable> load() {
        Map<String, Set<Hook>> hooks = new HashMap<>();
        Map<String, Map<ProgType, Hook>> maps = new HashMap<>();
        try (InputStream in = HookTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] w = line.split("\\s+");
                String v = w[1];
                switch (w[0]) {
                    case "hooks" -> {
                        Set<Hook> hs = EnumSet.noneOf(Hook.class);
                        for (int i = 2; i < w.length; i++) hs.add(Hook.valueOf(w[i]));
                        hooks.put(v, hs);
                    }
                    case "map" -> {
                        Hook h = Hook.valueOf(w[w.length - 1]);
                        Map<ProgType, Hook> m = maps.computeIfAbsent(v, k -> new EnumMap<>(ProgType.class));
                        for (int i = 2; i < w.length - 1; i++) m.put(ProgType.valueOf(w[i]), h);
                    }
                    default -> throw new IllegalStateException(RESOURCE + ":" + n + ": expected 'hooks' or 'map', found " + w[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, HookTable> out = new HashMap<>();
        for (String v : KernelVersions.KNOWN) {
            out.put(v, new HookTable(v, hooks.get(v), maps.getOrDefault(v, Map.of())));
        }
        return Map.copyOf(out);
    }
}
