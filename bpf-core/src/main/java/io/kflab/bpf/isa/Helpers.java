package io.kflab.bpf.isa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Helper function ids and names (kernel: enum bpf_func_id, printed as {@code bpf_<name>}). */
public final class Helpers {
    private static final Helpers BUILTIN = load();

    private final Map<Integer, String> byId;
    private final Map<String, Integer> byName;

    private Helpers(Map<Integer, String> byId) {
        this.byId = Collections.unmodifiableMap(new TreeMap<>(byId));
        Map<String, Integer> names = new HashMap<>();
        byId.forEach((id, name) -> names.put(name, id));
        this.byName = Collections.unmodifiableMap(names);
    }

    /** The helper table of Linux 6.18, shipped with kflab. */
    public static Helpers builtin() {
        return BUILTIN;
    }

    /** A table from id → name pairs (e.g. read from a kernel's BTF enum bpf_func_id). */
    public static Helpers of(Map<Integer, String> byId) {
        return new Helpers(byId);
    }

    /** {@code bpf_map_lookup_elem} for 1; null when the id names no helper. */
    public String name(int id) {
        return byId.get(id);
    }

    /** The id of {@code bpf_<name>} (the {@code bpf_} prefix may be left out); null when unknown. */
    public Integer id(String name) {
        Integer id = byName.get(name);
        return id != null ? id : byName.get("bpf_" + name);
    }

    /** All helpers, by id. */
    public Map<Integer, String> all() {
        return byId;
    }

    private static Helpers load() {
        Map<Integer, String> byId = new HashMap<>();
        try (InputStream in = Helpers.class.getResourceAsStream("helpers.txt")) {
            if (in == null) throw new IllegalStateException("helpers.txt missing from the kflab jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split("\\s+");
                byId.put(Integer.parseInt(f[0]), f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helpers(byId);
    }
}
