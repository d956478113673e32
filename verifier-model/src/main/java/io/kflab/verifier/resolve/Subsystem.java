package io.kflab.verifier.resolve;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.structops.Resolution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A subsystem whose kfuncs depend on the calling struct_ops member (kernel: a struct bpf_struct_ops
 * with its kfunc sets, e.g. sched_ext_ops): members, kfuncs, class bit values (kf_mask), polymorphic
 * families and argument rules, plus the design it uses upstream.
 */
public record Subsystem(String name, String structOps, String kernel, Optional<Resolution> defaultDesign,
        Map<String, Long> classBits, List<MemberSpec> members, List<KfuncSpec> kfuncs, List<Variant> families,
        List<ArgRule> argRules) {

    public Subsystem {
        Objects.requireNonNull(name);
        Objects.requireNonNull(structOps);
        Objects.requireNonNull(kernel);
        Objects.requireNonNull(defaultDesign);
        classBits = Map.copyOf(classBits);
        members = List.copyOf(members);
        kfuncs = List.copyOf(kfuncs);
        families = List.copyOf(families);
        argRules = List.copyOf(argRules);
        validate(name, members, kfuncs, families);
    }

    /** Checks that families name known kfuncs and members and do not overlap; a BadInputException at the family's definition otherwise. */
    private static void validate(String name, List<MemberSpec> members, List<KfuncSpec> kfuncs, List<Variant> families) {
        Map<String, KfuncSpec> byName = new HashMap<>();
        kfuncs.forEach(k -> {
            byName.put(k.name(), k);
            k.aliases().forEach(a -> byName.put(a, k));
        });
        java.util.Set<String> memberNames = new java.util.HashSet<>();
        members.forEach(m -> memberNames.add(m.name()));
        for (Variant f : families) {
            if (!byName.containsKey(f.generic())) {
                throw new BadInputException(f.definedAt(), "family '" + f.generic() + "' of subsystem " + name
                        + " is not one of its kfuncs; expected a kfunc of the subsystem's sets");
            }
            Map<String, String> servedBy = new HashMap<>();
            for (Variant.Choice c : f.choices()) {
                if (!byName.containsKey(c.kfunc())) {
                    throw new BadInputException(c.definedAt(), "the resolver of '" + f.generic() + "' returns unknown kfunc '" + c.kfunc()
                            + "'; expected a kfunc of subsystem " + name + " (declared and in one of its sets)");
                }
                if (c.members().isEmpty()) {
                    throw new BadInputException(c.definedAt(), "variant '" + c.kfunc() + "' of '" + f.generic()
                            + "' matches no member of " + name + "; expected a predicate some member satisfies");
                }
                for (String m : c.members()) {
                    if (!memberNames.contains(m)) {
                        throw new BadInputException(c.definedAt(), "variant '" + c.kfunc() + "' names unknown member '" + m + "' of " + name);
                    }
                    String prev = servedBy.putIfAbsent(m, c.kfunc());
                    if (prev != null) {
                        throw new BadInputException(c.definedAt(), "overlapping variants: '" + prev + "' and '" + c.kfunc() + "' both match member "
                                + m + " of " + name + "; expected disjoint variants");
                    }
                }
            }
        }
    }

    /** The kfunc of this name or alias. */
    public Optional<KfuncSpec> kfunc(String n) {
        for (KfuncSpec k : kfuncs) if (k.name().equals(n) || k.aliases().contains(n)) return Optional.of(k);
        return Optional.empty();
    }

    public Optional<MemberSpec> member(String n) {
        return members.stream().filter(m -> m.name().equals(n)).findFirst();
    }

    /** The family whose generic kfunc is this one (by name or alias). */
    public Optional<Variant> family(KfuncSpec k) {
        return families.stream().filter(f -> f.generic().equals(k.name()) || k.aliases().contains(f.generic())).findFirst();
    }

    /** The kfuncs programs may name: not hidden. */
    public List<KfuncSpec> publicKfuncs() {
        return kfuncs.stream().filter(k -> !k.hidden()).toList();
    }

    /** The bit value of a set of classes (kf_mask), unknown classes counting 0. */
    public long bits(java.util.Collection<String> classes) {
        long b = 0;
        for (String c : classes) b |= classBits.getOrDefault(c, 0L);
        return b;
    }

    /** The context of a call at the entry of a member, from a program that is sleepable iff the member accepts one. */
    public ResolutionContext contextOf(MemberSpec m) {
        return ResolutionContext.atEntry(structOps, m, m.sleepable());
    }
}
