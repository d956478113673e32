package io.kflab.verifier.resolve.data;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.context.ContextFacts;
import io.kflab.catalog.context.ContextPredicate;
import io.kflab.catalog.context.Truth;
import io.kflab.catalog.design.DesignCatalogs;
import io.kflab.catalog.dsl.Design;
import io.kflab.catalog.dsl.DesignLoader;
import io.kflab.catalog.filter.Filter;
import io.kflab.catalog.filter.FilterRule;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.Family;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.KernelVersions;
import io.kflab.catalog.kfunc.SetEntry;
import io.kflab.catalog.provenance.Source;
import io.kflab.catalog.structops.OpsMember;
import io.kflab.catalog.structops.StructOpsType;
import io.kflab.verifier.resolve.ArgSpec;
import io.kflab.verifier.resolve.ExecContext;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.MemberSpec;
import io.kflab.verifier.resolve.RuntimeCheck;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Subsystems defined in a design file (catalog DSL, docs/catalog-dsl.md): each {@code struct_ops}
 * block with a {@code design} becomes a {@link Subsystem}. Members keep their classes (as both the
 * run-time mask and the load-time allow classes); the kfuncs are the entries of sets registered for
 * struct_ops; a kfunc's rule comes from the type's class table or else from a filter of its set; a
 * family's variants become per-member choices. Bases ({@code extends kernel}, source trees) are not
 * loaded: only the design's own definitions (and those of design-file bases) count.
 */
public final class DesignFileSubsystems {
    private DesignFileSubsystems() {}

    /** The subsystems of a design file; every problem is a BadInputException at file:line. */
    public static List<Subsystem> load(Path file) {
        Design d = DesignLoader.load(file);
        String version = KernelVersions.KNOWN.getLast();
        Catalog c = DesignCatalogs.toCatalog(d, DesignCatalogs.resolver(() -> Catalog.builder("kernel (not loaded)").version(version).build(),
                t -> Catalog.builder(t + " (not loaded)").version(version).build(), () -> Catalog.builder(d.name()).version(version).build()));
        List<Subsystem> out = new ArrayList<>();
        for (StructOpsType t : c.structOps().values()) {
            if (t.design().isPresent()) out.add(subsystem(c, t, file.toString()));
        }
        if (out.isEmpty()) {
            throw new BadInputException(file + ":1", "the design defines no struct_ops type with a 'design' line; expected e.g. "
                    + "'struct_ops my_ops { design LOAD_FILTER; ... }'");
        }
        return out;
    }

    static Subsystem subsystem(Catalog c, StructOpsType t, String file) {
        List<MemberSpec> members = new ArrayList<>();
        for (OpsMember m : t.members()) {
            if (!m.callback()) continue;
            List<ArgSpec> args = new ArrayList<>();
            m.prototype().ifPresent(p -> p.params().forEach(x -> args.add(ArgSpec.parse(x.type() + " " + x.name()))));
            Set<String> classes = new LinkedHashSet<>(m.contextClasses());
            members.add(new MemberSpec(m.name(), m.index(), classes, classes, m.sleepable() == Truth.TRUE, Set.of(ExecContext.TASK), Set.of(), args));
        }
        Map<String, Long> bits = new LinkedHashMap<>();
        int bit = 0;
        for (String cl : t.allClasses()) bits.put(cl, cl.equals("UNLOCKED") ? 0L : 1L << bit++);
        Map<String, FilterRule> rules = rules(c, t);
        Map<String, KfuncSpec> kfuncs = new LinkedHashMap<>();
        for (KfuncSet set : c.sets().values()) {
            if (!registeredForStructOps(c, set.name())) continue;
            for (SetEntry e : set.entries()) {
                if (kfuncs.containsKey(e.kfunc())) continue;
                FilterRule r = rules.get(e.kfunc());
                Optional<ContextPredicate> filter = Optional.ofNullable(r).map(FilterRule::allowWhen);
                Set<String> mask = filter.map(DesignFileSubsystems::classesIn).orElse(Set.of());
                RuntimeCheck rt = mask.isEmpty() ? new RuntimeCheck.None() : new RuntimeCheck.Mask(mask);
                Set<String> flags = new LinkedHashSet<>();
                if (e.flags() instanceof KfFlags.Known k) flags.addAll(k.names());
                c.kfunc(e.kfunc()).map(x -> x.flags()).filter(f -> f instanceof KfFlags.Known).ifPresent(f -> flags.addAll(((KfFlags.Known) f).names()));
                kfuncs.put(e.kfunc(), new KfuncSpec(e.kfunc(), List.of(), Optional.of(set.name()), flags, e.hidden(), rt, filter,
                        where(e.sources().isEmpty() ? set.sources() : e.sources(), file)));
            }
        }
        List<Variant> families = new ArrayList<>();
        for (Family f : c.families().values()) {
            String at = where(f.sources(), file);
            List<Variant.Choice> choices = new ArrayList<>();
            for (Family.Variant v : f.variants()) {
                Set<String> served = new LinkedHashSet<>();
                for (OpsMember m : t.members()) {
                    if (!m.callback()) continue;
                    CallingContext cc = CallingContext.structOps(t.name(), m.name());
                    if (m.sleepable() == Truth.TRUE) cc = cc.asSleepable();
                    if (v.when().test(new ContextFacts(cc, Optional.of(Set.copyOf(m.contextClasses())))) == Truth.TRUE) served.add(m.name());
                }
                choices.add(new Variant.Choice(v.kfunc(), served, at));
            }
            if (mentionsType(f, t) || choices.stream().anyMatch(x -> !x.members().isEmpty())) families.add(new Variant(f.generic(), choices, at));
        }
        return new Subsystem(t.name(), t.name(), "design file " + file, t.design(), bits, members, List.copyOf(kfuncs.values()), families, List.of());
    }

    private static boolean mentionsType(Family f, StructOpsType t) {
        return f.variants().stream().anyMatch(v -> v.when().describe().contains("struct_ops type is " + t.name()));
    }

    /** Rule per kfunc: the type's class table first, then any set filter (first rule naming it). */
    private static Map<String, FilterRule> rules(Catalog c, StructOpsType t) {
        Map<String, FilterRule> out = new LinkedHashMap<>();
        for (FilterRule r : t.allows()) for (String k : r.resolve(c.sets()).kfuncs()) out.putIfAbsent(k, r.resolve(c.sets()));
        for (Filter f : c.filters().values()) {
            for (FilterRule r : f.resolve(c.sets()).rules()) for (String k : r.kfuncs()) out.putIfAbsent(k, r);
        }
        return out;
    }

    private static boolean registeredForStructOps(Catalog c, String set) {
        for (Registration r : c.registrations()) {
            if (r.set().equals(set) && !r.fmodret() && r.progType().map(p -> p == ProgType.STRUCT_OPS).orElse(true)) return true;
        }
        return false;
    }

    /** The context classes a predicate tests (its {@code class ...} leaves). */
    static Set<String> classesIn(ContextPredicate p) {
        Set<String> out = new LinkedHashSet<>();
        collect(p, out);
        return out;
    }

    private static void collect(ContextPredicate p, Set<String> out) {
        switch (p) {
            case ContextPredicate.ContextClassIn c -> out.addAll(c.classes());
            case ContextPredicate.Not n -> collect(n.operand(), out);
            case ContextPredicate.And a -> a.operands().forEach(x -> collect(x, out));
            case ContextPredicate.Or o -> o.operands().forEach(x -> collect(x, out));
            default -> { }
        }
    }

    private static String where(List<Source> sources, String file) {
        for (Source s : sources) if (s instanceof Source.DesignFile d) return d.file() + ":" + d.line();
        return file;
    }
}
