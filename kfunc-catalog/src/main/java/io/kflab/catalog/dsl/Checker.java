package io.kflab.catalog.dsl;

import io.kflab.bpf.diag.BadInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The semantic checks of a design: names resolve, nothing is defined twice, overrides and removals
 * meet a base, predicates can match and polymorphic variants do not overlap. The first error is
 * thrown as a BadInputException at its {@code file:line:column}; warnings are returned.
 */
final class Checker {
    private final List<DesignFile> files;
    private final Optional<Design> base;
    private final boolean open;
    private final List<Warning> warnings = new ArrayList<>();

    private final Map<String, Decl.Kfunc> kfuncs = new LinkedHashMap<>();
    private final Map<String, Decl.KfuncSet> sets = new LinkedHashMap<>();
    private final Map<String, Decl.Filter> filters = new LinkedHashMap<>();
    private final Map<String, Decl.StructOps> types = new LinkedHashMap<>();
    private final Map<String, Decl.Family> families = new LinkedHashMap<>();
    private final Map<String, Decl.Rename> renames = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();

    private Checker(List<DesignFile> files, Optional<Design> base, boolean open) {
        this.files = files;
        this.base = base;
        this.open = open;
    }

    /**
     * @param files the main file first, then the included files
     * @param base the loaded base design when extending a design file
     * @param open true when extending a kernel (names may come from it unseen)
     */
    static List<Warning> check(List<DesignFile> files, Optional<Design> base, boolean open) {
        Checker c = new Checker(files, base, open);
        c.run();
        return List.copyOf(c.warnings);
    }

    private List<Decl> decls() {
        return files.stream().flatMap(f -> f.decls().stream()).toList();
    }

    private boolean hasBase() {
        return open || base.isPresent();
    }

    private void run() {
        Decl.Extends ext = null;
        for (Decl d : decls()) {
            switch (d) {
                case Decl.Extends e -> {
                    if (ext != null) {
                        throw error(e.loc(), "a design extends one base (first 'extends' at " + ext.loc()
                                + "); expected a declaration");
                    }
                    ext = e;
                }
                case Decl.Kfunc k -> define(kfuncs, k.name(), k, k.loc(), "kfunc", k.override(), Decl.Kind.KFUNC);
                case Decl.KfuncSet s -> define(sets, s.name().text(), s, s.name().loc(), "set", s.override(),
                        Decl.Kind.SET);
                case Decl.Filter f -> define(filters, f.name().text(), f, f.name().loc(), "filter", false,
                        Decl.Kind.FILTER);
                case Decl.StructOps t -> define(types, t.name().text(), t, t.name().loc(), "struct_ops type",
                        t.override(), Decl.Kind.STRUCT_OPS);
                case Decl.Family f -> define(families, f.name().text(), f, f.name().loc(), "family", false,
                        Decl.Kind.FAMILY);
                case Decl.Rename r -> {
                    Decl.Rename first = renames.putIfAbsent(r.from().text(), r);
                    if (first != null) {
                        throw error(r.from().loc(), "duplicate rename of '" + r.from().text() + "' (first at "
                                + first.loc() + "); expected each old name renamed once");
                    }
                }
                case Decl.Remove r -> {
                    if (!hasBase()) {
                        throw error(r.loc(), "'remove' needs a base catalog; expected 'extends kernel;', "
                                + "'extends source \"linux-6.12\";' or 'extends \"base.kfl\";' first");
                    }
                    if (!open && !inBase(r.kind(), r.name().text())) {
                        throw error(r.name().loc(), "unknown reference: the base design defines no "
                                + kindWord(r.kind()) + " '" + r.name().text() + "' to remove");
                    }
                    removed.add(r.kind() + ":" + r.name().text());
                }
                case Decl.Include i -> {}
                case Decl.Register r -> {}
            }
        }
        Set<String> registrations = new HashSet<>();
        for (Decl d : decls()) {
            switch (d) {
                case Decl.Kfunc k -> kfunc(k);
                case Decl.KfuncSet s -> set(s);
                case Decl.Register r -> {
                    requireSet(r.set());
                    for (Name t : r.targets()) {
                        if (!registrations.add(r.set().text() + " " + ContextSpace.progType(t.text()))) {
                            throw error(t.loc(), "duplicate registration of set '" + r.set().text() + "' for '"
                                    + t.text() + "'; expected each program type or hook once");
                        }
                        if (!KernelNames.PROG_TYPES_AND_HOOKS.contains(ContextSpace.progType(t.text()))) {
                            warn(t.loc(), "unknown program type or hook '" + t.text() + "'");
                        }
                    }
                }
                case Decl.Filter f -> rules(f.rules(), forType(f.forType()), f.forType().isPresent(), null);
                case Decl.StructOps t -> structOps(t);
                case Decl.Family f -> family(f);
                case Decl.Rename r -> {
                    if (r.from().text().equals(r.to().text())) {
                        throw error(r.to().loc(), "a rename needs a new name; expected 'rename old -> new'");
                    }
                    requireKfunc(r.to(), "the new name of a rename");
                }
                default -> {}
            }
        }
    }

    private <T extends Decl> void define(Map<String, T> table, String name, T decl, Loc at, String what,
            boolean override, Decl.Kind kind) {
        T first = table.putIfAbsent(name, decl);
        if (first != null) {
            throw error(at, "duplicate " + what + " '" + name + "' (first defined at " + first.loc()
                    + "); expected each " + what + " defined once");
        }
        if (override) {
            if (!hasBase()) {
                throw error(decl.loc(), "'override' needs a base catalog; expected 'extends kernel;', "
                        + "'extends source \"linux-6.12\";' or 'extends \"base.kfl\";' first");
            }
            if (!open && !inBase(kind, name)) {
                throw error(at, "unknown reference: 'override " + kindWord(kind) + " " + name
                        + "' but the base design does not define it; expected a new " + what + " without 'override'");
            }
        } else if (base.isPresent() && inBase(kind, name)) {
            throw error(at, what + " '" + name + "' is already defined by the base design; expected 'override "
                    + kindWord(kind) + " " + name + "' (or 'remove " + kindWord(kind) + " " + name + ";')");
        }
    }

    private boolean inBase(Decl.Kind kind, String name) {
        if (base.isEmpty()) {
            return false;
        }
        Design b = base.get();
        List<Design> chain = new ArrayList<>();
        for (Design x = b; x != null; x = x.baseDesign().orElse(null)) {
            chain.add(x);
        }
        for (Design x : chain) {
            boolean found = switch (kind) {
                case KFUNC -> x.all(Decl.Kfunc.class).stream().anyMatch(k -> k.name().equals(name));
                case SET -> x.all(Decl.KfuncSet.class).stream().anyMatch(s -> s.name().text().equals(name));
                case STRUCT_OPS -> x.all(Decl.StructOps.class).stream().anyMatch(s -> s.name().text().equals(name));
                case FAMILY -> x.all(Decl.Family.class).stream().anyMatch(s -> s.name().text().equals(name));
                case FILTER -> x.all(Decl.Filter.class).stream().anyMatch(s -> s.name().text().equals(name));
            };
            if (found) {
                return true;
            }
        }
        return false;
    }

    private boolean known(Decl.Kind kind, String name, Map<String, ?> own) {
        return own.containsKey(name) || (inBase(kind, name) && !removed.contains(kind + ":" + name)) || open;
    }

    private static String kindWord(Decl.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void kfunc(Decl.Kfunc k) {
        flags(k.flags());
        for (Param p : k.proto().params()) {
            p.suffix().filter(s -> !KernelNames.SUFFIXES.contains(s))
                    .ifPresent(s -> warn(p.loc(), "parameter '" + p.name() + "' has an unknown suffix '__" + s + "'"));
        }
    }

    private void flags(List<Flag> flags) {
        Set<String> seen = new HashSet<>();
        for (Flag f : flags) {
            if (!f.name().startsWith("KF_")) {
                throw error(f.loc(), "expected a KF_* flag name like 'KF_ACQUIRE', found '" + f.name() + "'");
            }
            if (!seen.add(f.name())) {
                warn(f.loc(), "flag " + f.name() + " given twice");
            } else if (!KernelNames.KF_FLAGS.contains(f.name())) {
                warn(f.loc(), "unknown flag " + f.name() + " (a new flag of this design?)");
            }
        }
    }

    private void set(Decl.KfuncSet s) {
        Map<String, SetEntry> seen = new HashMap<>();
        for (SetEntry e : s.entries()) {
            SetEntry first = seen.putIfAbsent(e.kfunc().text(), e);
            if (first != null) {
                throw error(e.kfunc().loc(), "duplicate entry '" + e.kfunc().text() + "' in set '" + s.name().text()
                        + "' (first at " + first.loc() + "); expected each kfunc once per set");
            }
            requireKfunc(e.kfunc(), "a set entry");
            flags(e.flags());
            e.condition().ifPresent(this::config);
        }
        switch (s.filter().orElse(null)) {
            case SetFilter.Ref r -> {
                if (!known(Decl.Kind.FILTER, r.filter().text(), filters)) {
                    throw error(r.filter().loc(), "unknown filter '" + r.filter().text()
                            + "'; expected a filter declared with 'filter " + r.filter().text() + " { ... }'");
                }
            }
            case SetFilter.Inline i -> rules(i.rules(), forType(i.forType()), i.forType().isPresent(), s);
            case null -> {}
        }
    }

    private void config(Name c) {
        if (!c.text().matches("CONFIG_[A-Za-z0-9_]+")) {
            throw error(c.loc(), "expected a config condition like 'if CONFIG_EXT_GROUP_SCHED', found '" + c.text() + "'");
        }
    }

    private void structOps(Decl.StructOps t) {
        t.design().ifPresent(d -> {
            if (!KernelNames.DESIGNS.contains(d.text())) {
                throw error(d.loc(), "unknown resolution design '" + d.text() + "'; expected one of "
                        + new TreeSet<>(KernelNames.DESIGNS));
            }
        });
        Map<String, Name> classes = new HashMap<>();
        for (Name c : t.classes()) {
            Name first = classes.putIfAbsent(c.text(), c);
            if (first != null) {
                throw error(c.loc(), "duplicate context class '" + c.text() + "' (first at " + first.loc()
                        + "); expected each class declared once");
            }
        }
        Map<String, OpsMember> members = new HashMap<>();
        for (OpsMember m : t.members()) {
            OpsMember first = members.putIfAbsent(m.name(), m);
            if (first != null) {
                throw error(m.loc(), "duplicate member '" + m.name() + "' of struct_ops type '" + t.name().text()
                        + "' (first at " + first.loc() + "); expected each member once");
            }
            for (Name c : m.classes()) {
                if (!classes.containsKey(c.text())) {
                    throw error(c.loc(), "unknown context class '" + c.text() + "' of struct_ops type '"
                            + t.name().text() + "'; expected one declared with 'class " + c.text() + ";'");
                }
            }
            if (!m.function() && (m.sleepable() || !m.classes().isEmpty())) {
                throw error(m.loc(), "data member '" + m.name() + "' cannot be sleepable or have a class; "
                        + SyntaxMessages.MEMBER);
            }
            m.condition().ifPresent(this::config);
        }
        rules(t.allows(), Optional.of(t), true, null);
    }

    private void family(Decl.Family f) {
        Optional<Decl.StructOps> type = forType(f.forType());
        Map<String, Variant> seen = new HashMap<>();
        for (Variant v : f.variants()) {
            Variant first = seen.putIfAbsent(v.kfunc().text(), v);
            if (first != null) {
                throw error(v.kfunc().loc(), "duplicate variant '" + v.kfunc().text() + "' of family '"
                        + f.name().text() + "' (first at " + first.loc() + ")");
            }
            requireKfunc(v.kfunc(), "a variant");
            predicate(v.when(), type, f.forType().isPresent());
        }
        if (f.forType().isPresent() && type.isEmpty()) {
            return;
        }
        if (f.forType().isEmpty() && open) {
            return;
        }
        ContextSpace space = space(type, f.variants().stream().map(Variant::when).toList());
        for (int j = 0; j < f.variants().size(); j++) {
            for (int i = 0; i < j; i++) {
                Variant a = f.variants().get(i);
                Variant b = f.variants().get(j);
                Optional<ContextSpace.Ctx> both = space.witness(new Predicate.And(a.when(), b.when(), b.loc()));
                if (both.isPresent()) {
                    throw error(b.when().loc(), "overlapping variants: '" + b.kfunc().text() + "' and '"
                            + a.kfunc().text() + "' (at " + a.loc() + ") both match " + both.get().describe()
                            + "; expected disjoint 'when' predicates");
                }
            }
        }
    }

    private void rules(List<AllowRule> rules, Optional<Decl.StructOps> type, boolean typed, Decl.KfuncSet inSet) {
        for (AllowRule r : rules) {
            for (Name ref : r.refs()) {
                boolean isKfunc = known(Decl.Kind.KFUNC, ref.text(), kfuncs);
                boolean isSet = known(Decl.Kind.SET, ref.text(), sets);
                if (!isKfunc && !isSet) {
                    throw error(ref.loc(), "unknown reference '" + ref.text() + "'; expected a kfunc or set of this design");
                }
                if (inSet != null && !open && inSet.entries().stream().noneMatch(e -> e.kfunc().text().equals(ref.text()))) {
                    throw error(ref.loc(), "'" + ref.text() + "' is not an entry of set '" + inSet.name().text()
                            + "'; expected an entry of the set or '*'");
                }
            }
            predicate(r.when(), type, typed);
        }
    }

    /** Checks names in a predicate and that it can match some calling context. */
    private void predicate(Predicate p, Optional<Decl.StructOps> type, boolean typed) {
        names(p, type, typed);
        if ((typed && type.isEmpty()) || (!typed && open)) {
            return;
        }
        if (space(type, List.of(p)).witness(p).isEmpty()) {
            String where = type.map(t -> "no member of struct_ops type '" + t.name().text() + "'")
                    .orElse("no calling context");
            throw error(p.loc(), "the predicate can match no calling context: " + where
                    + " satisfies it; expected a predicate that some member or program type meets");
        }
    }

    private ContextSpace space(Optional<Decl.StructOps> type, List<Predicate> ps) {
        return new ContextSpace(type.map(List::of).orElseGet(this::allTypes), ps);
    }

    private List<Decl.StructOps> allTypes() {
        List<Decl.StructOps> all = new ArrayList<>(types.values());
        for (Design x = base.orElse(null); x != null; x = x.baseDesign().orElse(null)) {
            all.addAll(x.all(Decl.StructOps.class));
        }
        return all;
    }

    private void names(Predicate p, Optional<Decl.StructOps> type, boolean typed) {
        switch (p) {
            case Predicate.And a -> {
                names(a.left(), type, typed);
                names(a.right(), type, typed);
            }
            case Predicate.Or o -> {
                names(o.left(), type, typed);
                names(o.right(), type, typed);
            }
            case Predicate.Not n -> names(n.operand(), type, typed);
            case Predicate.In in -> {
                for (Name v : in.values()) {
                    switch (in.subject()) {
                        case STRUCT_OPS -> requireType(v);
                        case MEMBER -> member(v, type, typed);
                        case CLASS -> contextClass(v, type, typed);
                        case PROG_TYPE -> {
                            if (!KernelNames.PROG_TYPES_AND_HOOKS.contains(ContextSpace.progType(v.text()))) {
                                warn(v.loc(), "unknown program type '" + v.text() + "'");
                            }
                        }
                        case ATTACH_TYPE -> {}
                    }
                }
            }
            default -> {}
        }
    }

    private void member(Name v, Optional<Decl.StructOps> type, boolean typed) {
        if (type.isPresent()) {
            Decl.StructOps t = type.get();
            if (t.member(v.text()).isEmpty()) {
                throw error(v.loc(), "unknown member '" + v.text() + "' of struct_ops type '" + t.name().text()
                        + "'; expected one of " + t.members().stream().filter(OpsMember::function)
                        .map(OpsMember::name).collect(Collectors.joining(", ", "(", ")")));
            }
        } else if (!typed && !open && allTypes().stream().noneMatch(t -> t.member(v.text()).isPresent())) {
            throw error(v.loc(), "unknown member '" + v.text()
                    + "': no struct_ops type of this design has it; expected a member of a declared struct_ops type");
        }
    }

    private void contextClass(Name v, Optional<Decl.StructOps> type, boolean typed) {
        if (type.isPresent()) {
            Decl.StructOps t = type.get();
            if (t.classes().stream().noneMatch(c -> c.text().equals(v.text()))) {
                throw error(v.loc(), "unknown context class '" + v.text() + "' of struct_ops type '" + t.name().text()
                        + "'; expected one of " + t.classes().stream().map(Name::text)
                        .collect(Collectors.joining(", ", "(", ")")));
            }
        } else if (!typed && !open && allTypes().stream().noneMatch(
                t -> t.classes().stream().anyMatch(c -> c.text().equals(v.text())))) {
            throw error(v.loc(), "unknown context class '" + v.text()
                    + "'; expected a class declared in a struct_ops type");
        }
    }

    private Optional<Decl.StructOps> forType(Optional<Name> name) {
        return name.flatMap(this::requireType);
    }

    private Optional<Decl.StructOps> requireType(Name n) {
        Decl.StructOps own = types.get(n.text());
        if (own != null) {
            return Optional.of(own);
        }
        if (!removed.contains(Decl.Kind.STRUCT_OPS + ":" + n.text())) {
            Optional<Decl.StructOps> inBase = allTypes().stream().filter(t -> t.name().text().equals(n.text())).findFirst();
            if (inBase.isPresent()) {
                return inBase;
            }
        }
        if (open) {
            return Optional.empty();
        }
        throw error(n.loc(), "unknown struct_ops type '" + n.text()
                + "'; expected one declared with 'struct_ops " + n.text() + " { ... }'");
    }

    private void requireKfunc(Name n, String what) {
        if (!known(Decl.Kind.KFUNC, n.text(), kfuncs)) {
            throw error(n.loc(), "unknown kfunc '" + n.text() + "' in " + what
                    + "; expected a kfunc declared with 'kfunc <prototype>;'");
        }
    }

    private void requireSet(Name n) {
        if (!known(Decl.Kind.SET, n.text(), sets)) {
            throw error(n.loc(), "unknown set '" + n.text() + "'; expected a set declared with 'set " + n.text()
                    + " { ... }'");
        }
    }

    private void warn(Loc at, String message) {
        warnings.add(new Warning(at, message));
    }

    private static BadInputException error(Loc at, String message) {
        return new BadInputException(at.toString(), message);
    }
}
