package io.kflab.catalog.design;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.context.ContextFacts;
import io.kflab.catalog.context.ContextPredicate;
import io.kflab.catalog.context.Truth;
import io.kflab.catalog.dsl.AllowRule;
import io.kflab.catalog.dsl.Decl;
import io.kflab.catalog.dsl.Design;
import io.kflab.catalog.dsl.Flag;
import io.kflab.catalog.dsl.Loc;
import io.kflab.catalog.dsl.Name;
import io.kflab.catalog.dsl.Predicate;
import io.kflab.catalog.dsl.SetFilter;
import io.kflab.catalog.filter.Filter;
import io.kflab.catalog.filter.FilterRule;
import io.kflab.catalog.hook.Hook;
import io.kflab.catalog.hook.HookTable;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.Family;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.Param;
import io.kflab.catalog.kfunc.Prototype;
import io.kflab.catalog.kfunc.Rename;
import io.kflab.catalog.kfunc.SetEntry;
import io.kflab.catalog.provenance.Source;
import io.kflab.catalog.structops.OpsMember;
import io.kflab.catalog.structops.Resolution;
import io.kflab.catalog.structops.StructOpsType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A loaded design as a {@link Catalog}: the design's base (obtained from the caller's resolver) with
 * the design laid over it — {@code remove} takes definitions and the references to them out
 * ({@link Catalog#without}), {@code override} replaces, everything else is added as by
 * {@link Catalog#overlay}. Every converted fact carries {@code Source.design(file, line)}.
 * References the loader had to leave open (names from a kernel base) are resolved here against the
 * combined catalog; the first that does not resolve is a BadInputException at the design's file:line:column.
 */
public final class DesignCatalogs {
    private DesignCatalogs() {}

    /** The design overlaid on the catalog {@code bases} gives for its {@link BaseRef}. */
    public static Catalog toCatalog(Design design, Function<BaseRef, Catalog> bases) {
        Catalog base = Objects.requireNonNull(bases.apply(BaseRef.of(design)), "the base resolver returned null");
        return new Conversion(design, base).run();
    }

    /**
     * A resolver that converts design-file bases recursively with itself and asks the given functions
     * for the rest: {@code kernel} for {@code extends kernel}, {@code sourceTree} for
     * {@code extends source "tree"}, {@code standalone} for a design without {@code extends}.
     */
    public static Function<BaseRef, Catalog> resolver(Supplier<Catalog> kernel, Function<String, Catalog> sourceTree,
            Supplier<Catalog> standalone) {
        return new Function<>() {
            @Override public Catalog apply(BaseRef ref) {
                return switch (ref) {
                    case BaseRef.RunningKernel k -> kernel.get();
                    case BaseRef.SourceTree s -> sourceTree.apply(s.tree());
                    case BaseRef.DesignBase d -> toCatalog(d.design(), this);
                    case BaseRef.Standalone s -> standalone.get();
                };
            }
        };
    }

    /** The source of a fact declared at {@code loc}. */
    static Source source(Loc loc) {
        return Source.design(loc.file(), loc.line());
    }

    /** One conversion: the base after removals and overrides, the names in view, the design's own facts. */
    private static final class Conversion {
        private final Design design;
        private Catalog base;
        private final Catalog.Builder own;
        private final Set<String> kfuncs = new LinkedHashSet<>();
        private final Set<String> sets = new LinkedHashSet<>();
        private final Set<String> filters = new LinkedHashSet<>();
        /** struct_ops types in view: the base's with the design's members and classes laid over. */
        private final Map<String, StructOpsType> types = new TreeMap<>();
        /** Predicates to check for a matching context, with the type in scope. */
        private final List<Check> satisfiable = new ArrayList<>();

        private record Check(Predicate at, ContextPredicate p, Optional<StructOpsType> scope, Set<ProgType> progTypes,
                Set<AttachType> attachTypes, String what) {}

        Conversion(Design design, Catalog base) {
            this.design = design;
            this.base = base;
            this.own = Catalog.builder(design.name()).source(source(design.main().loc()));
        }

        Catalog run() {
            for (Decl.Remove r : design.all(Decl.Remove.class)) remove(r);
            collectNames();
            for (Decl d : design.decls()) {
                switch (d) {
                    case Decl.Kfunc k -> kfunc(k);
                    case Decl.KfuncSet s -> set(s);
                    case Decl.Register r -> register(r);
                    case Decl.Filter f -> own.filter(filter(f.name().text(), f.forType(), f.rules(), null, f.loc()));
                    case Decl.StructOps t -> structOps(t);
                    case Decl.Family f -> family(f);
                    case Decl.Rename r -> {
                        requireKfunc(r.to(), "the new name of a rename");
                        own.rename(new Rename(r.from().text(), r.to().text(), r.since().orElse(""), List.of(source(r.loc()))));
                    }
                    case Decl.Extends e -> {}
                    case Decl.Include i -> {}
                    case Decl.Remove r -> {}
                }
            }
            for (Check c : satisfiable) checkSatisfiable(c);
            return base.overlay(own.build());
        }

        // ---- removals, overrides and the names in view

        private void remove(Decl.Remove r) {
            String n = r.name().text();
            boolean present = switch (r.kind()) {
                case KFUNC -> base.kfuncs().containsKey(n);
                case SET -> base.sets().containsKey(n);
                case STRUCT_OPS -> base.structOps().containsKey(n);
                case FAMILY -> base.families().containsKey(n);
                case FILTER -> base.filters().containsKey(n);
            };
            if (!present) {
                throw error(r.name().loc(), "unknown reference: the base catalog " + quoted(base.name()) + "defines no "
                        + word(r.kind()) + " '" + n + "' to remove");
            }
            base = base.without(Catalog.Part.valueOf(r.kind().name()), n);
        }

        private void collectNames() {
            kfuncs.addAll(base.kfuncs().keySet());
            base.sets().values().forEach(s -> s.entries().forEach(e -> kfuncs.add(e.kfunc())));
            sets.addAll(base.sets().keySet());
            filters.addAll(base.filters().keySet());
            types.putAll(base.structOps());
            for (Decl d : design.decls()) {
                switch (d) {
                    case Decl.Kfunc k -> {
                        if (k.override()) requireInBase(base.kfuncs().containsKey(k.name()), k.proto().loc(), "kfunc", k.name());
                        kfuncs.add(k.name());
                    }
                    case Decl.KfuncSet s -> {
                        if (s.override()) requireInBase(base.sets().containsKey(s.name().text()), s.name().loc(), "set", s.name().text());
                        sets.add(s.name().text());
                    }
                    case Decl.Filter f -> filters.add(f.name().text());
                    case Decl.StructOps t -> {
                        String n = t.name().text();
                        if (t.override()) requireInBase(base.structOps().containsKey(n), t.name().loc(), "struct_ops type", n);
                        StructOpsType shape = shape(t);
                        types.put(n, t.override() || !types.containsKey(n) ? shape : types.get(n).overlay(shape));
                    }
                    default -> {}
                }
            }
        }

        private void requireInBase(boolean present, Loc at, String what, String name) {
            if (!present) {
                throw error(at, "unknown reference: 'override " + what + " " + name + "' but the base catalog "
                        + quoted(base.name()) + "does not define it; expected a new " + what + " without 'override'");
            }
        }

        // ---- declarations

        private void kfunc(Decl.Kfunc k) {
            List<Param> params = k.proto().params().stream().map(p -> new Param(p.name(), p.type().spelling())).toList();
            Kfunc out = Kfunc.named(k.name()).prototype(new Prototype(k.proto().returns().spelling(), params, false))
                    .flags(flags(k.flags())).source(source(k.loc())).build();
            if (k.override()) base = base.toBuilder().kfunc(out).build();
            own.kfunc(out);
        }

        private void set(Decl.KfuncSet s) {
            String name = s.name().text();
            List<SetEntry> entries = new ArrayList<>();
            for (io.kflab.catalog.dsl.SetEntry e : s.entries()) {
                requireKfunc(e.kfunc(), "an entry of set '" + name + "'");
                entries.add(new SetEntry(e.kfunc().text(), flags(e.flags()), e.condition().map(Name::text),
                        List.of(source(e.loc())), e.hidden()));
            }
            Optional<String> filter = Optional.empty();
            if (s.filter().isPresent()) {
                switch (s.filter().get()) {
                    case SetFilter.Ref r -> {
                        if (!filters.contains(r.filter().text())) {
                            throw error(r.filter().loc(), "unknown filter '" + r.filter().text() + "' of set '" + name
                                    + "'; expected a filter of the design or its base" + oneOf(filters));
                        }
                        filter = Optional.of(r.filter().text());
                    }
                    case SetFilter.Inline i -> {
                        Filter f = filter(name + ".filter", i.forType(), i.rules(), name, i.loc());
                        own.filter(f);
                        filter = Optional.of(f.name());
                    }
                }
            }
            KfuncSet out = new KfuncSet(name, entries, filter, List.of(source(s.loc())));
            if (s.override()) base = base.toBuilder().set(out).build();
            own.set(out);
        }

        private void register(Decl.Register r) {
            String set = r.set().text();
            if (!sets.contains(set)) {
                throw error(r.set().loc(), "unknown set '" + set + "' in a registration; expected a kfunc set of the design or its base");
            }
            Source src = source(r.loc());
            for (Name t : r.targets()) own.registration(registration(set, t, src));
        }

        /** {@code register_btf_kfunc_id_set} for a program type, or for a program type of a hook (the hook table's first). */
        private Registration registration(String set, Name target, Source src) {
            String n = target.text().toLowerCase(Locale.ROOT);
            if (n.startsWith("bpf_prog_type_")) n = n.substring("bpf_prog_type_".length());
            if (n.equals("common") || n.equals("unspec")) return Registration.common(set, src);
            if (n.equals("fmodret")) return Registration.fmodret(set, src);
            Optional<ProgType> pt = ProgType.fromCliName(n);
            if (pt.isPresent()) return Registration.of(set, pt.get(), src);
            Optional<Hook> hook = java.util.Arrays.stream(Hook.values()).filter(h -> h.name().equalsIgnoreCase(target.text())).findFirst();
            if (hook.isEmpty()) {
                throw error(target.loc(), "unknown program type or hook '" + target.text()
                        + "'; expected a program type like 'struct_ops' or 'syscall', or a hook like 'common' or 'tc'");
            }
            Optional<HookTable> table = base.hookTable();
            if (table.isEmpty()) {
                throw error(target.loc(), "cannot register set '" + set + "' for hook " + hook.get()
                        + ": the base catalog has no hook table; expected a program type, or a base with a kernel version");
            }
            return table.get().progTypesOf(hook.get()).stream().min(Comparator.naturalOrder())
                    .map(t -> Registration.of(set, t, src))
                    .orElseThrow(() -> error(target.loc(), "no program type uses hook " + hook.get() + " in the hook table of "
                            + table.get().version() + "; expected a hook of that kernel"));
        }

        private void structOps(Decl.StructOps t) {
            StructOpsType view = types.get(t.name().text());
            List<FilterRule> allows = rules(t.allows(), Optional.of(view), false, null, "an allow rule of struct_ops type '" + t.name().text() + "'");
            StructOpsType out = shape(t).withAllows(allows);
            if (t.override()) base = base.toBuilder().structOps(out).build();
            own.structOps(out);
        }

        /** The type's members, classes and design, without its class table. */
        private static StructOpsType shape(Decl.StructOps t) {
            List<OpsMember> members = new ArrayList<>();
            int index = 0;
            for (io.kflab.catalog.dsl.OpsMember m : t.members()) {
                String ret = m.decl().returns().spelling();
                OpsMember om;
                if (m.function()) {
                    List<Param> ps = m.decl().params().stream().map(p -> new Param(p.name(), p.type().spelling())).toList();
                    om = new OpsMember(m.name(), index, Optional.of(new Prototype(ret, ps, false)), Truth.of(m.sleepable()),
                            m.classes().stream().map(Name::text).toList(), true, Optional.empty());
                } else {
                    om = OpsMember.field(m.name(), index, ret);
                }
                if (m.condition().isPresent()) om = om.when(m.condition().get().text());
                members.add(om);
                index++;
            }
            StructOpsType out = new StructOpsType(t.name().text(), members, List.of(source(t.loc())), Optional.empty(),
                    t.classes().stream().map(Name::text).toList(), List.of());
            return t.design().map(d -> out.withDesign(Resolution.valueOf(d.text()))).orElse(out);
        }

        private void family(Decl.Family f) {
            Optional<StructOpsType> scope = scope(f.forType());
            List<Family.Variant> variants = new ArrayList<>();
            for (io.kflab.catalog.dsl.Variant v : f.variants()) {
                if (!kfuncs.contains(v.kfunc().text())) {
                    throw error(v.kfunc().loc(), "unknown kfunc '" + v.kfunc().text() + "' in a variant of family '"
                            + f.name().text() + "'; expected a kfunc of the design or its base");
                }
                ContextPredicate p = predicate(v.when(), scope, true, "variant '" + v.kfunc().text() + "'");
                variants.add(new Family.Variant(v.kfunc().text(), p));
            }
            own.family(new Family(f.name().text(), variants, List.of(source(f.loc()))));
        }

        private Filter filter(String name, Optional<Name> forType, List<AllowRule> rules, String inSet, Loc loc) {
            Optional<StructOpsType> scope = scope(forType);
            return Filter.of(name, rules(rules, scope, true, inSet, "an allow rule of filter '" + name + "'"), source(loc));
        }

        private List<FilterRule> rules(List<AllowRule> rules, Optional<StructOpsType> scope, boolean scoped, String inSet, String what) {
            List<FilterRule> out = new ArrayList<>();
            for (AllowRule r : rules) {
                Set<String> ks = new LinkedHashSet<>();
                Set<String> ss = new LinkedHashSet<>();
                if (r.all()) ss.add(Objects.requireNonNull(inSet, "'allow *' outside a set"));
                for (Name ref : r.refs()) {
                    if (sets.contains(ref.text())) ss.add(ref.text());
                    else if (kfuncs.contains(ref.text())) ks.add(ref.text());
                    else throw error(ref.loc(), "unknown reference '" + ref.text() + "' in " + what
                            + "; expected a kfunc or set of the design or its base");
                }
                out.add(new FilterRule(ks, ss, predicate(r.when(), scope, scoped, what)));
            }
            return out;
        }

        private Optional<StructOpsType> scope(Optional<Name> forType) {
            if (forType.isEmpty()) return Optional.empty();
            StructOpsType t = types.get(forType.get().text());
            if (t == null) {
                throw error(forType.get().loc(), "unknown struct_ops type '" + forType.get().text()
                        + "'; expected a struct_ops type of the design or its base" + oneOf(types.keySet()));
            }
            return Optional.of(t);
        }

        // ---- predicates

        /**
         * The model form of a predicate; member and class tests are narrowed to the type in scope when
         * {@code scoped} (filters and families; a class table applies to its own type's members anyway).
         */
        private ContextPredicate predicate(Predicate p, Optional<StructOpsType> scope, boolean scoped, String what) {
            Set<ProgType> progTypes = EnumSet.noneOf(ProgType.class);
            Set<AttachType> attachTypes = EnumSet.noneOf(AttachType.class);
            ContextPredicate out = convert(p, scope, scoped, progTypes, attachTypes);
            satisfiable.add(new Check(p, out, scope, progTypes, attachTypes, what));
            return out;
        }

        private ContextPredicate convert(Predicate p, Optional<StructOpsType> scope, boolean scoped, Set<ProgType> progTypes,
                Set<AttachType> attachTypes) {
            return switch (p) {
                case Predicate.Const c -> c.value() ? ContextPredicate.any() : ContextPredicate.not(ContextPredicate.any());
                case Predicate.Sleepable s -> ContextPredicate.sleepable();
                case Predicate.Not n -> ContextPredicate.not(convert(n.operand(), scope, scoped, progTypes, attachTypes));
                case Predicate.And a -> ContextPredicate.and(convert(a.left(), scope, scoped, progTypes, attachTypes),
                        convert(a.right(), scope, scoped, progTypes, attachTypes));
                case Predicate.Or o -> ContextPredicate.or(convert(o.left(), scope, scoped, progTypes, attachTypes),
                        convert(o.right(), scope, scoped, progTypes, attachTypes));
                case Predicate.In in -> in(in, scope, scoped, progTypes, attachTypes);
            };
        }

        private ContextPredicate in(Predicate.In in, Optional<StructOpsType> scope, boolean scoped, Set<ProgType> progTypes,
                Set<AttachType> attachTypes) {
            List<String> values = in.values().stream().map(Name::text).toList();
            switch (in.subject()) {
                case PROG_TYPE -> {
                    Set<ProgType> ts = EnumSet.noneOf(ProgType.class);
                    for (Name v : in.values()) {
                        String n = v.text().toLowerCase(Locale.ROOT);
                        ProgType t = ProgType.fromCliName(n.startsWith("bpf_prog_type_") ? n.substring(14) : n).orElseThrow(() -> error(v.loc(),
                                "unknown program type '" + v.text() + "'; expected a program type like 'syscall' or 'tracing'"));
                        ts.add(t);
                    }
                    progTypes.addAll(ts);
                    return new ContextPredicate.ProgTypeIn(ts);
                }
                case ATTACH_TYPE -> {
                    Set<AttachType> ts = EnumSet.noneOf(AttachType.class);
                    Set<String> members = new LinkedHashSet<>();
                    for (Name v : in.values()) {
                        Optional<AttachType> a = AttachType.fromCliName(v.text());
                        if (a.isPresent()) ts.add(a.get());
                        else if (scope.flatMap(t -> t.member(v.text())).isPresent()) members.add(v.text());
                        else throw error(v.loc(), "unknown attach type '" + v.text() + "'; expected an attach type like "
                                + "'trace_fentry'" + scope.map(t -> " or a member of struct_ops type '" + t.name() + "'").orElse(""));
                    }
                    attachTypes.addAll(ts);
                    ContextPredicate at = new ContextPredicate.AttachTypeIn(ts);
                    if (members.isEmpty()) return at;
                    ContextPredicate m = narrow(new ContextPredicate.MemberIn(members), scope, scoped);
                    return ts.isEmpty() ? m : ContextPredicate.or(at, m);
                }
                case STRUCT_OPS -> {
                    List<ContextPredicate> ps = new ArrayList<>();
                    for (Name v : in.values()) {
                        if (!types.containsKey(v.text())) {
                            throw error(v.loc(), "unknown struct_ops type '" + v.text()
                                    + "'; expected a struct_ops type of the design or its base" + oneOf(types.keySet()));
                        }
                        ps.add(ContextPredicate.structOpsType(v.text()));
                    }
                    return ps.size() == 1 ? ps.getFirst() : new ContextPredicate.Or(ps);
                }
                case MEMBER -> {
                    for (Name v : in.values()) {
                        List<StructOpsType> in_ = scope.map(List::of).orElseGet(() -> List.copyOf(types.values()));
                        if (in_.stream().noneMatch(t -> t.member(v.text()).filter(OpsMember::callback).isPresent())) {
                            throw error(v.loc(), "unknown member '" + v.text() + "' of " + scopeWord(scope) + "; expected one of ("
                                    + String.join(", ", in_.stream().flatMap(t -> t.members().stream()).filter(OpsMember::callback)
                                            .map(OpsMember::name).distinct().toList()) + ")");
                        }
                    }
                    return narrow(new ContextPredicate.MemberIn(Set.copyOf(values)), scope, scoped);
                }
                case CLASS -> {
                    for (Name v : in.values()) {
                        List<StructOpsType> in_ = scope.map(List::of).orElseGet(() -> List.copyOf(types.values()));
                        if (in_.stream().noneMatch(t -> t.allClasses().contains(v.text()))) {
                            throw error(v.loc(), "unknown class '" + v.text() + "' of " + scopeWord(scope) + "; expected one of ("
                                    + String.join(", ", in_.stream().flatMap(t -> t.allClasses().stream()).distinct().toList()) + ")");
                        }
                    }
                    return narrow(new ContextPredicate.ContextClassIn(Set.copyOf(values)), scope, scoped);
                }
            }
            throw new AssertionError(in.subject());
        }

        private static ContextPredicate narrow(ContextPredicate p, Optional<StructOpsType> scope, boolean scoped) {
            return scoped && scope.isPresent() ? ContextPredicate.and(ContextPredicate.structOpsType(scope.get().name()), p) : p;
        }

        private static String scopeWord(Optional<StructOpsType> scope) {
            return scope.map(t -> "struct_ops type '" + t.name() + "'").orElse("any struct_ops type");
        }

        /**
         * A predicate must hold somewhere: for some member of the type(s) in scope (sleepable where it
         * may be), or some program type / attach type it mentions, or one it does not.
         */
        private void checkSatisfiable(Check c) {
            List<CallingContext> space = new ArrayList<>();
            for (StructOpsType t : c.scope().map(List::of).orElseGet(() -> List.copyOf(types.values()))) {
                for (OpsMember m : t.members()) {
                    if (!m.callback()) continue;
                    CallingContext x = CallingContext.structOps(t.name(), m.name());
                    if (m.sleepable() != Truth.TRUE) space.add(x);
                    if (m.sleepable() != Truth.FALSE) space.add(x.asSleepable());
                }
            }
            Set<ProgType> pts = EnumSet.copyOf(c.progTypes().isEmpty() ? Set.of(ProgType.SOCKET_FILTER) : c.progTypes());
            EnumSet.complementOf(EnumSet.copyOf(pts)).stream().filter(t -> t != ProgType.STRUCT_OPS).findFirst().ifPresent(pts::add);
            for (ProgType pt : pts) {
                List<CallingContext> xs = new ArrayList<>();
                xs.add(CallingContext.of(pt));
                c.attachTypes().forEach(a -> xs.add(CallingContext.of(pt, a)));
                for (CallingContext x : xs) {
                    if (x.progType() == ProgType.STRUCT_OPS) continue;
                    space.add(x);
                    space.add(x.asSleepable());
                }
            }
            for (CallingContext x : space) {
                if (c.p().test(facts(x)) != Truth.FALSE) return;
            }
            throw error(c.at().loc(), "the predicate of " + c.what() + " can match no calling context: "
                    + (c.scope().isPresent() ? "no member of struct_ops type '" + c.scope().get().name() + "'" : "no context")
                    + " satisfies " + c.p().describe() + "; expected a predicate that some member or program type meets");
        }

        private ContextFacts facts(CallingContext x) {
            return new ContextFacts(x, x.structOps().flatMap(s -> {
                StructOpsType t = types.get(s.type());
                Optional<OpsMember> m = t == null ? Optional.empty() : t.member(s.member());
                if (m.isEmpty() || (m.get().contextClasses().isEmpty() && t.classes().isEmpty())) return Optional.empty();
                return Optional.of(Set.copyOf(m.get().contextClasses()));
            }));
        }

        // ---- helpers

        private void requireKfunc(Name n, String what) {
            if (!kfuncs.contains(n.text())) {
                throw error(n.loc(), "unknown kfunc '" + n.text() + "' in " + what + "; expected a kfunc of the design or its base");
            }
        }

        private static KfFlags flags(List<Flag> flags) {
            return KfFlags.of(flags.stream().map(Flag::name).toArray(String[]::new));
        }

        private static String quoted(String name) {
            return name.isEmpty() ? "" : "'" + name + "' ";
        }

        private static String oneOf(Set<String> names) {
            return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
        }

        private static String word(Decl.Kind k) {
            return k.name().toLowerCase(Locale.ROOT);
        }

        private static BadInputException error(Loc at, String message) {
            return new BadInputException(at.toString(), message);
        }
    }
}
