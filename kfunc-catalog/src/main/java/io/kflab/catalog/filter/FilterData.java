package io.kflab.catalog.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.context.ContextPredicate;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.SetEntry;
import io.kflab.catalog.provenance.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads filters (and the sets and registrations they govern) from JSON data into a partial
 * {@link Catalog}, and converts predicates to and from JSON. Predicate forms:
 * {@code {"any":true}}, {@code {"progType":["LSM"]}}, {@code {"attachType":["TRACE_ITER"]}},
 * {@code {"structOpsType":"sched_ext_ops"}}, {@code {"member":["dispatch"]}},
 * {@code {"contextClass":["DISPATCH"]}}, {@code {"sleepable":true}}, {@code {"unmodelled":"text"}},
 * {@code {"not":P}}, {@code {"and":[P...]}}, {@code {"or":[P...]}}.
 */
public final class FilterData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FilterData() {}

    /** The filters of the 6.18 test kernel (kprobe session, sk iter, fs kfuncs, fs-verity, device-bound XDP metadata). */
    public static Catalog linux618() {
        try (InputStream in = FilterData.class.getResourceAsStream("linux-6.18-filters.json")) {
            return read(in, "linux-6.18-filters.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads filter data; BadInputException naming the file and the JSON path for malformed input. */
    public static Catalog read(InputStream in, String file) throws IOException {
        JsonNode root = JSON.readTree(in);
        Catalog.Builder b = Catalog.builder(text(root, "name", file));
        for (JsonNode s : root.path("sets")) {
            String set = text(s, "name", file);
            Source src = source(s.get("source"), file);
            List<SetEntry> entries = new ArrayList<>();
            for (JsonNode e : s.path("entries")) {
                KfFlags flags = e.has("flags") ? KfFlags.of(strings(e.get("flags")).toArray(String[]::new)) : KfFlags.unknown("not in data");
                Source es = e.has("source") ? source(e.get("source"), file) : src;
                entries.add(new SetEntry(text(e, "kfunc", file), flags, Optional.empty(), List.of(es)));
            }
            Optional<String> filter = s.has("filter") ? Optional.of(s.get("filter").asText()) : Optional.empty();
            b.set(new KfuncSet(set, entries, filter, List.of(src)));
            Optional<String> cond = s.has("condition") ? Optional.of(s.get("condition").asText()) : Optional.empty();
            Source rsrc = s.has("registrationSource") ? source(s.get("registrationSource"), file) : src;
            for (String t : strings(s.path("registeredFor"))) {
                Optional<ProgType> pt = t.equals("UNSPEC") ? Optional.empty() : Optional.of(progType(t, file));
                b.registration(new Registration(set, pt, false, cond, List.of(rsrc)));
            }
        }
        for (JsonNode f : root.path("filters")) {
            List<FilterRule> rules = new ArrayList<>();
            for (JsonNode r : f.path("rules")) {
                rules.add(new FilterRule(new LinkedHashSet<>(strings(r.path("kfuncs"))), new LinkedHashSet<>(strings(r.path("sets"))),
                        predicate(r.get("allowWhen"), file)));
            }
            Filter.Kind kind = f.has("kind") ? Filter.Kind.valueOf(f.get("kind").asText()) : Filter.Kind.SET_FILTER;
            b.filter(new Filter(text(f, "name", file), kind, rules, List.of(source(f.get("source"), file))));
        }
        return b.build();
    }

    /** A predicate from its JSON form. */
    public static ContextPredicate predicate(JsonNode n, String file) {
        if (n == null || !n.isObject() || n.size() != 1) {
            throw new BadInputException(file, "expected a predicate object with one key, found " + n);
        }
        String k = n.fieldNames().next();
        JsonNode v = n.get(k);
        return switch (k) {
            case "any" -> ContextPredicate.any();
            case "progType" -> {
                Set<ProgType> s = EnumSet.noneOf(ProgType.class);
                strings(v).forEach(t -> s.add(progType(t, file)));
                yield new ContextPredicate.ProgTypeIn(s);
            }
            case "attachType" -> {
                Set<AttachType> s = EnumSet.noneOf(AttachType.class);
                for (String t : strings(v)) {
                    s.add(AttachType.fromCliName(t).orElseThrow(() -> new BadInputException(file, "no attach type " + t)));
                }
                yield new ContextPredicate.AttachTypeIn(s);
            }
            case "structOpsType" -> ContextPredicate.structOpsType(v.asText());
            case "member" -> new ContextPredicate.MemberIn(Set.copyOf(strings(v)));
            case "contextClass" -> new ContextPredicate.ContextClassIn(Set.copyOf(strings(v)));
            case "sleepable" -> v.asBoolean() ? ContextPredicate.sleepable() : ContextPredicate.not(ContextPredicate.sleepable());
            case "unmodelled" -> ContextPredicate.unmodelled(v.asText());
            case "not" -> ContextPredicate.not(predicate(v, file));
            case "and", "or" -> {
                List<ContextPredicate> ps = new ArrayList<>();
                for (JsonNode x : v) ps.add(predicate(x, file));
                yield k.equals("and") ? new ContextPredicate.And(ps) : new ContextPredicate.Or(ps);
            }
            default -> throw new BadInputException(file, "expected a predicate key (any, progType, attachType, structOpsType, member, "
                    + "contextClass, sleepable, unmodelled, not, and, or), found '" + k + "'");
        };
    }

    /** The JSON form of a predicate ({@link #predicate} reads it back). */
    public static JsonNode toJson(ContextPredicate p) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        switch (p) {
            case ContextPredicate.Any a -> o.put("any", true);
            case ContextPredicate.ProgTypeIn t -> t.types().stream().map(ProgType::name).sorted().forEach(o.putArray("progType")::add);
            case ContextPredicate.AttachTypeIn t -> t.types().stream().map(AttachType::name).sorted().forEach(o.putArray("attachType")::add);
            case ContextPredicate.StructOpsTypeIs t -> o.put("structOpsType", t.type());
            case ContextPredicate.MemberIn m -> m.members().stream().sorted().forEach(o.putArray("member")::add);
            case ContextPredicate.ContextClassIn c -> c.classes().stream().sorted().forEach(o.putArray("contextClass")::add);
            case ContextPredicate.Sleepable s -> o.put("sleepable", true);
            case ContextPredicate.Unmodelled u -> o.put("unmodelled", u.fact());
            case ContextPredicate.Not n -> o.set("not", toJson(n.operand()));
            case ContextPredicate.And a -> { ArrayNode arr = o.putArray("and"); a.operands().forEach(x -> arr.add(toJson(x))); }
            case ContextPredicate.Or a -> { ArrayNode arr = o.putArray("or"); a.operands().forEach(x -> arr.add(toJson(x))); }
        }
        return o;
    }

    private static Source source(JsonNode n, String file) {
        if (n == null) throw new BadInputException(file, "expected a \"source\" object");
        if (n.has("tree")) return Source.tree(n.get("tree").asText(), text(n, "file", file), n.path("line").asInt(0));
        if (n.has("btf")) return Source.btf(n.get("btf").asText());
        if (n.has("probe")) return Source.probe(n.get("probe").asText(), n.path("buildId").asText(""));
        if (n.has("design")) return Source.design(n.get("design").asText(), n.path("line").asInt(0));
        throw new BadInputException(file, "expected a source with tree, btf, probe or design, found " + n);
    }

    private static ProgType progType(String t, String file) {
        return ProgType.fromCliName(t).orElseThrow(() -> new BadInputException(file, "no program type " + t));
    }

    private static String text(JsonNode n, String field, String file) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new BadInputException(file, "expected text field \"" + field + "\" in " + n);
        return v.asText();
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : arr) out.add(x.asText());
        return out;
    }
}
