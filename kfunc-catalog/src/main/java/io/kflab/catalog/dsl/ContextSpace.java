package io.kflab.catalog.dsl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The calling contexts a predicate is judged over: every member of the struct_ops types in view
 * (sleepable only where allowed) plus one context per other program type mentioned, so that
 * "matches nothing" and "two variants overlap" become finite searches.
 */
final class ContextSpace {
    /** One calling context; {@code member} is null outside struct_ops. */
    record Ctx(String progType, String structOps, String member, Set<String> classes, boolean sleepable,
            String attachType) {
        String describe() {
            String s = member != null ? "member " + member + " of " + structOps : "prog_type " + progType;
            return sleepable ? s + " (sleepable)" : s;
        }
    }

    static final String OTHER = "<other>";

    private final List<Ctx> contexts = new ArrayList<>();

    ContextSpace(List<Decl.StructOps> types, List<Predicate> predicates) {
        for (Decl.StructOps t : types) {
            for (OpsMember m : t.members()) {
                if (!m.function()) {
                    continue;
                }
                Set<String> classes = new LinkedHashSet<>();
                m.classes().forEach(c -> classes.add(c.text()));
                contexts.add(new Ctx("struct_ops", t.name().text(), m.name(), classes, false, m.name()));
                if (m.sleepable()) {
                    contexts.add(new Ctx("struct_ops", t.name().text(), m.name(), classes, true, m.name()));
                }
            }
        }
        Set<String> progTypes = new LinkedHashSet<>();
        Set<String> attachTypes = new LinkedHashSet<>();
        predicates.forEach(p -> collect(p, progTypes, attachTypes));
        progTypes.remove("struct_ops");
        progTypes.add(OTHER);
        attachTypes.add(OTHER);
        for (String prog : progTypes) {
            for (String attach : attachTypes) {
                for (boolean sleepable : new boolean[] {false, true}) {
                    contexts.add(new Ctx(prog, null, null, Set.of(), sleepable, attach));
                }
            }
        }
    }

    /** A context where the predicate holds, if any. */
    Optional<Ctx> witness(Predicate p) {
        return contexts.stream().filter(c -> holds(p, c)).findFirst();
    }

    static boolean holds(Predicate p, Ctx c) {
        return switch (p) {
            case Predicate.And a -> holds(a.left(), c) && holds(a.right(), c);
            case Predicate.Or o -> holds(o.left(), c) || holds(o.right(), c);
            case Predicate.Not n -> !holds(n.operand(), c);
            case Predicate.Const k -> k.value();
            case Predicate.Sleepable s -> c.sleepable();
            case Predicate.In in -> in.values().stream().anyMatch(v -> switch (in.subject()) {
                case PROG_TYPE -> progType(v.text()).equals(c.progType());
                case ATTACH_TYPE -> v.text().equals(c.attachType());
                case STRUCT_OPS -> v.text().equals(c.structOps());
                case MEMBER -> v.text().equals(c.member());
                case CLASS -> c.classes().contains(v.text());
            });
        };
    }

    /** {@code BPF_PROG_TYPE_STRUCT_OPS}, {@code STRUCT_OPS} and {@code struct_ops} are the same program type. */
    static String progType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("bpf_prog_type_") ? n.substring("bpf_prog_type_".length()) : n;
    }

    private static void collect(Predicate p, Set<String> progTypes, Set<String> attachTypes) {
        switch (p) {
            case Predicate.And a -> {
                collect(a.left(), progTypes, attachTypes);
                collect(a.right(), progTypes, attachTypes);
            }
            case Predicate.Or o -> {
                collect(o.left(), progTypes, attachTypes);
                collect(o.right(), progTypes, attachTypes);
            }
            case Predicate.Not n -> collect(n.operand(), progTypes, attachTypes);
            case Predicate.In in when in.subject() == Predicate.Subject.PROG_TYPE ->
                    in.values().forEach(v -> progTypes.add(progType(v.text())));
            case Predicate.In in when in.subject() == Predicate.Subject.ATTACH_TYPE ->
                    in.values().forEach(v -> attachTypes.add(v.text()));
            default -> {}
        }
    }
}
