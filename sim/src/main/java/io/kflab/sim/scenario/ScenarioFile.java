package io.kflab.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.sim.workload.WorkloadKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A scenario file (docs/sim.md): a flat YAML mapping of {@code name, cpus, duration, seed,
 * scheduler, workload, tasks, weighted, design}; every error names the file, line and column.
 */
public final class ScenarioFile {
    private ScenarioFile() {}

    static final Set<String> KEYS = Set.of("name", "cpus", "duration", "seed", "scheduler", "workload", "tasks", "weighted", "design");

    /** One value with where it was written. */
    private record Value(String text, String where) {}

    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "expected a readable scenario file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    public static Scenario parse(String text, String source) {
        Map<String, Value> v = read(text, source);
        String name = v.containsKey("name") ? v.get("name").text() : source.replaceAll(".*/", "").replaceAll("\\.ya?ml$", "");
        int cpus = integer(v, "cpus", 4, 1, 4096);
        long duration = 1_000_000_000L;
        if (v.containsKey("duration")) {
            duration = Durations.parseNs(v.get("duration").text());
            if (duration < 0) throw new BadInputException(v.get("duration").where(), "expected a duration such as 2s, 500ms or 100us, found '" + v.get("duration").text() + "'");
        }
        long seed = v.containsKey("seed") ? longValue(v.get("seed")) : 1;
        String scheduler = v.containsKey("scheduler") ? v.get("scheduler").text() : "fair";
        WorkloadKind kind = WorkloadKind.MIXED;
        if (v.containsKey("workload")) {
            kind = WorkloadKind.byName(v.get("workload").text());
            if (kind == null) throw new BadInputException(v.get("workload").where(), "expected a workload (" + WorkloadKind.names() + "), found '" + v.get("workload").text() + "'");
        }
        int tasks = integer(v, "tasks", 32, 0, 1_000_000);
        boolean weighted = v.containsKey("weighted") && bool(v.get("weighted"));
        String design = v.containsKey("design") ? v.get("design").text() : "RUNTIME_MASK";
        return new Scenario(name, cpus, duration, seed, scheduler, kind, tasks, weighted, design);
    }

    private static Map<String, Value> read(String text, String source) {
        Map<String, Value> out = new LinkedHashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return out;
            if (t != JsonToken.START_OBJECT) throw new BadInputException(where(source, p.currentTokenLocation()), "expected a mapping of scenario keys (" + String.join(", ", KEYS) + ")");
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String at = where(source, p.currentTokenLocation());
                if (!KEYS.contains(key)) throw new BadInputException(at, "expected one of " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ", found key '" + key + "'");
                JsonToken vt = p.nextToken();
                if (vt == JsonToken.START_OBJECT || vt == JsonToken.START_ARRAY) throw new BadInputException(at, "expected a plain value for '" + key + "'");
                if (out.containsKey(key)) throw new BadInputException(at, "expected '" + key + "' once, found it again");
                out.put(key, new Value(p.getText(), where(source, p.currentTokenLocation())));
            }
            if (t != JsonToken.END_OBJECT) throw new BadInputException(where(source, p.currentLocation()), "expected 'key: value' lines");
            return out;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            throw new BadInputException(where(source, e.getLocation()), "expected YAML: " + msg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(String source, JsonLocation loc) {
        return loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static int integer(Map<String, Value> v, String key, int dflt, int min, int max) {
        if (!v.containsKey(key)) return dflt;
        Value x = v.get(key);
        try {
            int n = Integer.parseInt(x.text().trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw new BadInputException(x.where(), "expected '" + key + "' to be an integer in " + min + ".." + max + ", found '" + x.text() + "'");
    }

    private static long longValue(Value x) {
        try {
            return Long.parseLong(x.text().trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(x.where(), "expected 'seed' to be an integer, found '" + x.text() + "'");
        }
    }

    private static boolean bool(Value x) {
        return switch (x.text().trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadInputException(x.where(), "expected 'weighted' to be true or false, found '" + x.text() + "'");
        };
    }
}
