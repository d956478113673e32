package io.kflab.catalog.matrix;

import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.context.ContextFacts;
import io.kflab.catalog.context.Truth;
import io.kflab.catalog.filter.Filter;
import io.kflab.catalog.filter.FilterRule;
import io.kflab.catalog.kfunc.Family;
import io.kflab.catalog.hook.Hook;
import io.kflab.catalog.hook.HookTable;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.SetEntry;
import io.kflab.catalog.provenance.Source;
import io.kflab.catalog.structops.OpsMember;
import io.kflab.catalog.structops.StructOpsType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Predicts whether a context may call a kfunc, following the kernel's lookup
 * (btf_kfunc_id_set_contains: the COMMON hook first, then the program's hook, each hook's filters
 * before its sets; fmod_ret registrations never make a kfunc callable), then the verifier's later
 * checks (device-bound, KF_SLEEPABLE). What designs add: a polymorphic family's generic kfunc resolves
 * to the first variant whose predicate holds (none: denied at load); hidden set entries are callable
 * only as such a variant; a struct_ops type's class table denies at load (LOAD_FILTER) or is noted as
 * the run-time check (RUNTIME_MASK) for calls from its members. Filters and class tables naming sets
 * are resolved against the catalog's sets. Indexes are built once; {@link #decide} is cheap and thread-safe.
 */
public final class Callability {
    private final Catalog catalog;
    private final Optional<HookTable> table;
    private final Map<String, EnumMap<Hook, List<Hit>>> hits = new HashMap<>();
    private final Map<String, List<String>> fmodretSets = new HashMap<>();
    private final Set<String> inSomeSet = new HashSet<>();
    private final EnumMap<Hook, List<Filter>> filtersAt = new EnumMap<>(Hook.class);
    private final List<Filter> unattached = new ArrayList<>();
    private final List<Filter> checks = new ArrayList<>();
    private final java.util.Map<CallingContext, ContextFacts> factsCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Set<String>> contextClasses = new HashMap<>();
    private final Map<String, Filter> filters = new HashMap<>();
    private final Map<String, StructOpsType> classTables = new HashMap<>();
    private final Map<String, Observation> observed = new HashMap<>();

    /** One place a kfunc is found: a set entry registered at a hook. */
    private record Hit(KfuncSet set, SetEntry entry, Registration registration) {}

    private Callability(Catalog catalog) {
        this.catalog = catalog;
        this.table = catalog.hookTable();
        catalog.filters().forEach((n, f) -> filters.put(n, f.resolve(catalog.sets())));
        Set<String> referencedFilters = new HashSet<>();
        for (KfuncSet s : catalog.sets().values()) {
            s.entries().forEach(e -> inSomeSet.add(e.kfunc()));
            s.filter().ifPresent(referencedFilters::add);
        }
        if (table.isPresent()) {
            for (Registration r : catalog.registrations()) {
                KfuncSet set = catalog.sets().get(r.set());
                Optional<Hook> hook = r.hook(table.get());
                if (set == null || hook.isEmpty()) continue;
                if (r.fmodret()) {
                    set.entries().forEach(e -> fmodretSets.computeIfAbsent(e.kfunc(), k -> new ArrayList<>()).add(set.name()));
                    continue;
                }
                for (SetEntry e : set.entries()) {
                    hits.computeIfAbsent(e.kfunc(), k -> new EnumMap<>(Hook.class))
                            .computeIfAbsent(hook.get(), h -> new ArrayList<>()).add(new Hit(set, e, r));
                }
                set.filter().map(filters::get).filter(f -> f.kind() == Filter.Kind.SET_FILTER).ifPresent(f -> {
                    List<Filter> at = filtersAt.computeIfAbsent(hook.get(), h -> new ArrayList<>());
                    if (!at.contains(f)) at.add(f);
                });
            }
        }
        for (Filter f : filters.values().stream().sorted(java.util.Comparator.comparing(Filter::name)).toList()) {
            if (f.kind() == Filter.Kind.VERIFIER_CHECK) checks.add(f);
            else if (!referencedFilters.contains(f.name())) unattached.add(f);
        }
        for (StructOpsType t : catalog.structOps().values()) {
            for (OpsMember m : t.members()) {
                if (!m.contextClasses().isEmpty() || !t.classes().isEmpty()) contextClasses.put(t.name() + "." + m.name(), Set.copyOf(m.contextClasses()));
            }
            if (t.design().isPresent() && !t.allows().isEmpty()) {
                classTables.put(t.name(), t.withAllows(t.allows().stream().map(r -> r.resolve(catalog.sets())).toList()));
            }
        }
        for (Observation o : catalog.observations()) observed.put(o.kfunc() + "\0" + o.context().displayName(), o);
    }

    /** The predictor for a catalog. */
    public static Callability of(Catalog catalog) {
        return new Callability(catalog);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The facts predicates see for this context (adds the struct_ops member's context classes). */
    public ContextFacts facts(CallingContext ctx) {
        return factsCache.computeIfAbsent(ctx, c -> new ContextFacts(c, c.structOps().map(t -> contextClasses.get(t.toString()))));
    }

    /** The predicted verdict, with the deciding fact; a family's generic kfunc is decided as the variant it resolves to. */
    public Decision decide(String kfunc, CallingContext ctx) {
        Family family = catalog.families().get(kfunc);
        return family != null ? resolve(family, ctx) : lookup(kfunc, ctx, false);
    }

    /** The first variant whose predicate holds, decided as a call of that kfunc (kernel: specialize_kfunc); none: denied at load. */
    private Decision resolve(Family f, CallingContext ctx) {
        ContextFacts facts = facts(ctx);
        for (Family.Variant v : f.variants()) {
            Truth t = v.when().test(facts);
            if (t == Truth.UNKNOWN) {
                return new Decision(Verdict.UNKNOWN, "family " + f.generic() + ": variant " + v.kfunc() + " needs " + v.when().describe()
                        + ", undecided for " + ctx.displayName() + where(f.sources()));
            }
            if (t == Truth.TRUE) {
                Decision d = lookup(v.kfunc(), ctx, true);
                return new Decision(d.verdict(), "resolves to variant " + v.kfunc() + " of family " + f.generic() + " ("
                        + v.when().describe() + ")" + where(f.sources()) + "; " + d.reason());
            }
        }
        List<String> vs = f.variants().stream().map(v -> v.kfunc() + " when " + v.when().describe()).toList();
        return new Decision(Verdict.DENY, "no variant of family " + f.generic() + " matches " + ctx.displayName()
                + ": denied at load (variants: " + String.join("; ", vs) + ")" + where(f.sources()));
    }

    private Decision lookup(String kfunc, CallingContext ctx, boolean asVariant) {
        Kfunc k = catalog.kfuncs().get(kfunc);
        EnumMap<Hook, List<Hit>> at = hits.get(kfunc);
        if (k == null && at == null && !inSomeSet.contains(kfunc)) {
            return new Decision(Verdict.DENY, "no kfunc " + kfunc + " in catalog " + catalog.name());
        }
        if (!asVariant && at != null && at.values().stream().flatMap(List::stream).allMatch(h -> h.entry().hidden())) {
            Hit h = at.values().iterator().next().getFirst();
            return new Decision(Verdict.DENY, "hidden entry of set " + h.set().name() + where(h.entry().sources().isEmpty() ? h.set().sources() : h.entry().sources())
                    + ": callable only as the variant of a family");
        }
        ContextFacts facts = facts(ctx);
        // Verifier checks (e.g. device binding) run when the call is first seen (add_kfunc_call),
        // before the kfunc is looked up in the program's hooks.
        for (Filter f : checks) {
            Optional<Filter.Outcome> o = f.decide(kfunc, facts);
            if (o.isEmpty() || o.get().allowed() == Truth.TRUE) continue;
            String needs = o.get().rule().allowWhen().describe();
            if (o.get().allowed() == Truth.FALSE) return new Decision(Verdict.DENY, "verifier check " + f.name() + " denies: needs " + needs + where(f.sources()));
            return new Decision(Verdict.UNKNOWN, "undecided: verifier check " + f.name() + " needs " + needs
                    + where(f.sources()) + ", checked before the hook lookup");
        }
        if (table.isEmpty()) return new Decision(Verdict.UNKNOWN, "no hook table in catalog " + catalog.name());
        HookTable t = table.get();
        Optional<Hook> progHook = t.hookOf(ctx.progType());
        List<Hook> order = new ArrayList<>(2);
        if (t.hasCommon()) order.add(Hook.COMMON);
        progHook.ifPresent(order::add);

        String denial = null;
        String undecided = null;
        Hit found = null;
        Hook foundAt = null;
        for (Hook h : order) {
            List<Hit> hs = at == null ? null : at.get(h);
            if (hs != null && !asVariant) hs = hs.stream().filter(x -> !x.entry().hidden()).toList();
            if (hs == null || hs.isEmpty()) continue;
            Filter.Outcome deny = null, unknown = null;
            Filter denier = null, unknower = null;
            for (Filter f : filtersHere(h)) {
                Optional<Filter.Outcome> o = f.decide(kfunc, facts);
                if (o.isEmpty()) continue;
                if (o.get().allowed() == Truth.FALSE && deny == null) { deny = o.get(); denier = f; }
                if (o.get().allowed() == Truth.UNKNOWN && unknown == null) { unknown = o.get(); unknower = f; }
            }
            if (deny != null) {
                if (denial == null) denial = "filter " + denier.name() + " denies at hook " + h + ": needs " + deny.rule().allowWhen().describe() + where(denier.sources());
                continue;
            }
            if (unknown != null) {
                if (undecided == null) undecided = "filter " + unknower.name() + " at hook " + h + " needs " + unknown.rule().allowWhen().describe() + where(unknower.sources());
                continue;
            }
            found = hs.getFirst();
            foundAt = h;
            break;
        }
        if (found == null) return notFound(kfunc, ctx, at, progHook, denial, undecided, facts);
        return afterLookup(kfunc, k, ctx, facts, found, foundAt);
    }

    private Decision notFound(String kfunc, CallingContext ctx, EnumMap<Hook, List<Hit>> at, Optional<Hook> progHook,
            String denial, String undecided, ContextFacts facts) {
        if (undecided != null) return new Decision(Verdict.UNKNOWN, undecided);
        if (denial != null) return new Decision(Verdict.DENY, denial);
        if (at == null) {
            List<String> fm = fmodretSets.get(kfunc);
            if (fm != null) return new Decision(Verdict.DENY, "only an fmod_ret target (set " + fm.getFirst() + " registered with the FMODRET hook): not callable");
            if (!inSomeSet.contains(kfunc)) {
                Observation o = observed.get(kfunc + "\0" + ctx.displayName());
                if (o != null) return new Decision(o.verdict(), "observed: " + o.detail() + where(o.sources()));
                for (Filter f : unattached) {
                    Optional<Filter.Outcome> out = f.decide(kfunc, facts);
                    if (out.isPresent() && out.get().allowed() == Truth.FALSE) {
                        return new Decision(Verdict.DENY, "filter " + f.name() + " denies: needs " + out.get().rule().allowWhen().describe() + where(f.sources()));
                    }
                }
                return new Decision(Verdict.UNKNOWN, "registrations unknown: no kfunc set lists " + kfunc + " (BTF only)");
            }
            return new Decision(Verdict.DENY, "its kfunc set is registered for no hook");
        }
        Set<String> registered = new TreeSet<>();
        at.keySet().forEach(h -> registered.add(h.name()));
        String regs = " (registered for " + String.join(", ", registered) + ")";
        if (progHook.isEmpty()) {
            return new Decision(Verdict.DENY, "program type " + ctx.progType().cliName() + " has no kfunc hook and the kfunc is not in the COMMON hook" + regs);
        }
        return new Decision(Verdict.DENY, "not registered for hook " + progHook.get() + regs);
    }

    private Decision afterLookup(String kfunc, Kfunc k, CallingContext ctx, ContextFacts facts, Hit hit, Hook hook) {
        List<Source> src = hit.registration().sources().isEmpty() ? hit.set().sources() : hit.registration().sources();
        StringBuilder why = new StringBuilder("registered for ").append(hook).append(" hook by set ").append(hit.set().name()).append(where(src));
        hit.registration().condition().ifPresent(c -> why.append(" if ").append(c));
        hit.entry().condition().ifPresent(c -> why.append(" if ").append(c));
        Optional<StructOpsType> ops = ctx.structOps().map(s -> classTables.get(s.type())).filter(t -> t.governs(kfunc));
        String runtimeCheck = null;
        if (ops.isPresent()) {
            StructOpsType t = ops.get();
            FilterRule row = t.allows().stream().filter(r -> r.kfuncs().contains(kfunc)).findFirst().orElseThrow();
            Truth ok = row.allowWhen().test(facts);
            String needs = "class table of " + t.name() + " needs " + row.allowWhen().describe() + where(t.sources());
            switch (t.design().orElseThrow()) {
                case LOAD_FILTER -> {
                    if (ok == Truth.FALSE) return new Decision(Verdict.DENY, "denied at load (LOAD_FILTER): " + needs);
                    if (ok == Truth.UNKNOWN) return new Decision(Verdict.UNKNOWN, "undecided: " + why + ", but " + needs);
                    why.append("; allowed at load by the class table of ").append(t.name()).append(" (LOAD_FILTER)");
                }
                case RUNTIME_MASK -> runtimeCheck = "allowed at load; checked at run time by kf_mask (RUNTIME_MASK): " + needs
                        + (ok == Truth.FALSE ? ", which fails here" : ok == Truth.UNKNOWN ? ", undecided here" : ", which holds here") + "; ";
                default -> {}
            }
        }
        KfFlags flags = hit.entry().flags().isKnown() || k == null ? hit.entry().flags() : k.flags();
        Optional<Boolean> sleepable = flags.has("KF_SLEEPABLE");
        if (!ctx.sleepable()) {
            if (sleepable.isEmpty()) return new Decision(Verdict.UNKNOWN, why + ", but flags " + flags.describe() + ": KF_SLEEPABLE unknown");
            if (sleepable.get()) return new Decision(Verdict.SLEEPABLE_ONLY, "KF_SLEEPABLE and context not sleepable; " + why);
        }
        if (flags.has("KF_DESTRUCTIVE").orElse(false)) why.append("; KF_DESTRUCTIVE: needs CAP_SYS_BOOT");
        return new Decision(Verdict.ALLOW, runtimeCheck == null ? why.toString() : runtimeCheck + why);
    }

    private List<Filter> filtersHere(Hook h) {
        List<Filter> at = filtersAt.get(h);
        if (unattached.isEmpty()) return at == null ? List.of() : at;
        List<Filter> out = new ArrayList<>(unattached);
        if (at != null) out.addAll(at);
        return out;
    }

    private static String where(List<Source> sources) {
        return sources.isEmpty() ? "" : WHERE.computeIfAbsent(sources.getFirst(), s -> " (" + s.describe() + ")");
    }

    /** Provenance text, made once per source: the same few hundred sources are named in every matrix. */
    private static final java.util.Map<Source, String> WHERE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Hooks the kfunc is registered for (callable registrations only), in hook order. */
    public Set<Hook> hooksOf(String kfunc) {
        EnumMap<Hook, List<Hit>> at = hits.get(kfunc);
        return at == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(at.keySet()));
    }

    /** Whether some kfunc set lists this kfunc (so its registrations are facts, not unknowns). */
    public boolean registrationsKnown(String kfunc) {
        return inSomeSet.contains(kfunc);
    }

    /** The program types that may use this kfunc per the hook table (COMMON: all); empty without a table. */
    public Set<ProgType> progTypesOf(String kfunc) {
        Set<ProgType> out = java.util.EnumSet.noneOf(ProgType.class);
        if (table.isEmpty()) return out;
        for (Hook h : hooksOf(kfunc)) {
            if (h == Hook.COMMON) return java.util.EnumSet.allOf(ProgType.class);
            out.addAll(table.get().progTypesOf(h));
        }
        return out;
    }
}
