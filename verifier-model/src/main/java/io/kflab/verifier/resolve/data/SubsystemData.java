package io.kflab.verifier.resolve.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.context.ContextPredicate;
import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.ArgRule;
import io.kflab.verifier.resolve.ArgSpec;
import io.kflab.verifier.resolve.ExecContext;
import io.kflab.verifier.resolve.HeldLock;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.MemberSpec;
import io.kflab.verifier.resolve.Ownership;
import io.kflab.verifier.resolve.RuntimeCheck;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads subsystems from kflab's data file ({@code subsystems.json}, JSON with comments citing the
 * kernel sources): sched_ext (6.12 kf_mask, 7.1 allow flags) and bpf_qdisc (6.16 filter).
 */
public final class SubsystemData {
    /** The resource kflab ships. */
    public static final String RESOURCE = "/io/kflab/verifier/resolve/subsystems.json";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
    private static volatile Map<String, Subsystem> builtin;

    private SubsystemData() {}

    /** The built-in subsystems by name, in file order. */
    public static Map<String, Subsystem> builtin() {
        Map<String, Subsystem> b = builtin;
        if (b == null) {
            try (InputStream in = SubsystemData.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " missing from the kflab jar");
                b = read(in, "subsystems.json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtin = b;
        }
        return b;
    }

    /** A built-in subsystem; a BadInputException listing the known ones otherwise. */
    public static Subsystem named(String name) {
        Subsystem s = builtin().get(name);
        if (s == null) {
            for (Subsystem x : builtin().values()) if (x.structOps().equals(name)) return x;
            throw new BadInputException("--subsystem " + name, "unknown subsystem; expected one of " + String.join(", ", builtin().keySet())
                    + " or a design file given with --design-file");
        }
        return s;
    }

    /** Reads a data file; malformed data is a BadInputException naming the file and the entry. */
    public static Map<String, Subsystem> read(InputStream in, String file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ":" + e.getLocation().getLineNr(), "malformed JSON: " + e.getOriginalMessage());
        }
        Map<String, Subsystem> out = new LinkedHashMap<>();
        for (JsonNode s : root.path("subsystems")) {
            String name = text(s, "name", file);
            String at = file + " subsystem " + name;
            List<MemberSpec> members = new ArrayList<>();
            for (JsonNode m : s.path("members")) {
                List<ArgSpec> args = new ArrayList<>();
                for (String a : strings(m.path("args"))) args.add(ArgSpec.parse(a));
                members.add(new MemberSpec(text(m, "name", at), m.path("index").asInt(members.size()), set(m.path("kfMask")), set(m.path("allow")),
                        m.path("sleepable").asBoolean(false), enums(ExecContext.class, m.path("exec"), at), enums(HeldLock.class, m.path("locks"), at), args));
            }
            List<KfuncSpec> kfuncs = new ArrayList<>();
            for (JsonNode k : s.path("kfuncs")) {
                String kn = text(k, "name", at);
                Optional<ContextPredicate> filter = k.has("filter") ? Optional.of(new ContextPredicate.ContextClassIn(set(k.get("filter")))) : Optional.empty();
                kfuncs.add(new KfuncSpec(kn, strings(k.path("aliases")), Optional.ofNullable(k.path("set").textValue()), set(k.path("flags")),
                        k.path("hidden").asBoolean(false), runtime(k.path("runtime")), filter, at + " kfunc " + kn));
            }
            List<Variant> families = new ArrayList<>();
            for (JsonNode f : s.path("families")) {
                String g = text(f, "generic", at);
                List<Variant.Choice> cs = new ArrayList<>();
                for (JsonNode v : f.path("variants")) cs.add(new Variant.Choice(text(v, "kfunc", at), set(v.path("members")), at + " family " + g));
                families.add(new Variant(g, cs, at + " family " + g));
            }
            List<ArgRule> rules = new ArrayList<>();
            for (JsonNode r : s.path("argRules")) {
                rules.add(new ArgRule(text(r, "kfunc", at), r.path("arg").asInt(0), text(r, "type", at),
                        Ownership.valueOf(r.path("needs").asText("REFERENCED"))));
            }
            Map<String, Long> bits = new LinkedHashMap<>();
            s.path("classes").properties().forEach(e -> bits.put(e.getKey(), e.getValue().asLong()));
            Optional<Resolution> design = s.has("defaultDesign") ? Optional.of(Resolution.valueOf(s.get("defaultDesign").asText())) : Optional.empty();
            out.put(name, new Subsystem(name, text(s, "structOps", at), s.path("kernel").asText(""), design, bits, members, kfuncs, families, rules));
        }
        return out;
    }

    private static RuntimeCheck runtime(JsonNode r) {
        if (r.has("mask")) return new RuntimeCheck.Mask(set(r.get("mask")));
        if (r.has("maskOrUnlocked")) return new RuntimeCheck.MaskOrUnlocked(set(r.get("maskOrUnlocked")));
        if (r.has("members")) return new RuntimeCheck.OnlyMembers(strings(r.get("members")), r.path("message").asText("not allowed here"));
        return new RuntimeCheck.None();
    }

    private static String text(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new BadInputException(at, "expected a string field '" + field + "'");
        return v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Set<String> set(JsonNode n) {
        return new LinkedHashSet<>(strings(n));
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, JsonNode n, String at) {
        Set<E> out = new LinkedHashSet<>();
        for (String s : strings(n)) {
            try {
                out.add(Enum.valueOf(type, s));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(at, "unknown " + type.getSimpleName() + " '" + s + "'");
            }
        }
        return out;
    }

}
