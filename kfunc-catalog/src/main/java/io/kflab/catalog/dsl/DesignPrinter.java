package io.kflab.catalog.dsl;

import java.util.List;
import java.util.stream.Collectors;

/** Prints a design file's syntax tree back as {@code .kfl} text that parses to the same tree. */
public final class DesignPrinter {
    private DesignPrinter() {}

    public static String print(DesignFile f) {
        StringBuilder b = new StringBuilder();
        f.design().ifPresent(d -> b.append("design ").append(quote(d)).append(";\n"));
        for (Decl d : f.decls()) {
            b.append('\n').append(decl(d));
        }
        return b.toString();
    }

    static String decl(Decl d) {
        return switch (d) {
            case Decl.Extends e -> "extends " + switch (e.kind()) {
                case KERNEL -> "kernel";
                case SOURCE -> "source " + quote(e.ref().orElseThrow());
                case DESIGN -> quote(e.ref().orElseThrow());
            } + ";\n";
            case Decl.Include i -> "include " + quote(i.path()) + ";\n";
            case Decl.Kfunc k -> (k.override() ? "override " : "") + "kfunc " + proto(k.proto(), true)
                    + flags(k.flags()) + ";\n";
            case Decl.Remove r -> "remove " + r.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + r.name() + ";\n";
            case Decl.KfuncSet s -> set(s);
            case Decl.Register r -> "register set " + r.set() + " for " + join(r.targets(), ", ") + ";\n";
            case Decl.Filter f -> "filter " + f.name() + f.forType().map(t -> " for " + t).orElse("") + " {\n"
                    + rules(f.rules(), "    ") + "}\n";
            case Decl.StructOps t -> structOps(t);
            case Decl.Family f -> "family " + f.name() + f.forType().map(t -> " for " + t).orElse("") + " {\n"
                    + f.variants().stream().map(v -> "    variant " + v.kfunc() + " when " + predicate(v.when()) + ";\n")
                            .collect(Collectors.joining())
                    + "}\n";
            case Decl.Rename r -> "rename " + r.from() + " -> " + r.to() + r.since().map(v -> " since " + v).orElse("")
                    + ";\n";
        };
    }

    private static String set(Decl.KfuncSet s) {
        StringBuilder b = new StringBuilder(s.override() ? "override " : "").append("set ").append(s.name()).append(" {\n");
        for (SetEntry e : s.entries()) {
            b.append("    ").append(e.hidden() ? "hidden " : "").append(e.kfunc()).append(flags(e.flags()))
                    .append(e.condition().map(c -> " if " + c).orElse("")).append(";\n");
        }
        s.filter().ifPresent(f -> b.append(switch (f) {
            case SetFilter.Ref r -> "    filter " + r.filter() + ";\n";
            case SetFilter.Inline i -> "    filter" + i.forType().map(t -> " for " + t).orElse("") + " {\n"
                    + rules(i.rules(), "        ") + "    }\n";
        }));
        return b.append("}\n").toString();
    }

    private static String structOps(Decl.StructOps t) {
        StringBuilder b = new StringBuilder(t.override() ? "override " : "").append("struct_ops ").append(t.name())
                .append(" {\n");
        t.design().ifPresent(d -> b.append("    design ").append(d).append(";\n"));
        if (!t.classes().isEmpty()) {
            b.append("    class ").append(join(t.classes(), ", ")).append(";\n");
        }
        for (OpsMember m : t.members()) {
            b.append("    ").append(m.function() ? proto(m.decl(), true) : declarator(m.decl().returns(), m.name()))
                    .append(m.sleepable() ? " sleepable" : "")
                    .append(m.classes().isEmpty() ? "" : " class " + join(m.classes(), " | "))
                    .append(m.condition().map(c -> " if " + c).orElse("")).append(";\n");
        }
        return b.append(rules(t.allows(), "    ")).append("}\n").toString();
    }

    private static String proto(Prototype p, boolean voidParams) {
        String params = p.params().isEmpty() && voidParams ? "void"
                : p.params().stream().map(q -> declarator(q.type(), q.name())).collect(Collectors.joining(", "));
        return declarator(p.returns(), p.name()) + "(" + params + ")";
    }

    private static String declarator(CType t, String name) {
        return t.spelling() + (t.pointers() > 0 ? "" : " ") + name;
    }

    private static String flags(List<Flag> flags) {
        return flags.isEmpty() ? "" : " " + flags.stream().map(Flag::name).collect(Collectors.joining(" | "));
    }

    private static String rules(List<AllowRule> rules, String indent) {
        return rules.stream().map(r -> indent + "allow " + (r.all() ? "*" : join(r.refs(), ", ")) + " when "
                + predicate(r.when()) + ";\n").collect(Collectors.joining());
    }

    /** A predicate with the parentheses its shape needs (not binds tightest, then and, then or; both left-associative). */
    public static String predicate(Predicate p) {
        return switch (p) {
            case Predicate.Or o -> predicate(o.left()) + " or " + wrap(o.right(), o.right() instanceof Predicate.Or);
            case Predicate.And a -> wrap(a.left(), a.left() instanceof Predicate.Or) + " and "
                    + wrap(a.right(), a.right() instanceof Predicate.Or || a.right() instanceof Predicate.And);
            case Predicate.Not n -> "not " + wrap(n.operand(),
                    n.operand() instanceof Predicate.Or || n.operand() instanceof Predicate.And);
            case Predicate.In in -> in.subject().keyword + (in.values().size() == 1 ? " == " + in.values().getFirst()
                    : " in (" + join(in.values(), ", ") + ")");
            case Predicate.Sleepable s -> "sleepable";
            case Predicate.Const k -> String.valueOf(k.value());
        };
    }

    private static String wrap(Predicate p, boolean parens) {
        return parens ? "(" + predicate(p) + ")" : predicate(p);
    }

    private static String join(List<Name> names, String sep) {
        return names.stream().map(Name::text).collect(Collectors.joining(sep));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
