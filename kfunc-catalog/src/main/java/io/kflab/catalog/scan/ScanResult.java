package io.kflab.catalog.scan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Raw, syntax-level kfunc declarations of one file or tree, in source order: kfunc sets, id_set
 * initialisers, registrations, {@code __bpf_kfunc} prototypes, KF_* bits, the hook table, the
 * verifier's argument suffixes, macro uses inside sets and warnings.
 */
public record ScanResult(List<KfuncSet> sets, List<KfuncIdSet> idSets, List<Registration> registrations,
        List<KfuncPrototype> prototypes, List<KfFlagBit> flagBits, List<HookMapping> hooks,
        List<ArgSuffix> suffixes, List<MacroUse> macroUses, List<MacroDefinition> macros,
        List<ScanWarning> warnings) {

    public static final ScanResult EMPTY = new ScanResult(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of());

    public ScanResult {
        sets = List.copyOf(sets);
        idSets = List.copyOf(idSets);
        registrations = List.copyOf(registrations);
        prototypes = List.copyOf(prototypes);
        flagBits = List.copyOf(flagBits);
        hooks = List.copyOf(hooks);
        suffixes = List.copyOf(suffixes);
        macroUses = List.copyOf(macroUses);
        macros = List.copyOf(macros);
        warnings = List.copyOf(warnings);
    }

    /** Distinct kfunc names over all sets, in first-seen order. */
    public Set<String> entryNames() {
        Set<String> names = new LinkedHashSet<>();
        sets.forEach(s -> s.entries().forEach(e -> names.add(e.name())));
        return names;
    }

    /** Both results, this one's records first. */
    public ScanResult plus(ScanResult o) {
        return new ScanResult(cat(sets, o.sets), cat(idSets, o.idSets), cat(registrations, o.registrations),
                cat(prototypes, o.prototypes), cat(flagBits, o.flagBits), cat(hooks, o.hooks),
                cat(suffixes, o.suffixes), cat(macroUses, o.macroUses), cat(macros, o.macros),
                cat(warnings, o.warnings));
    }

    private static <T> List<T> cat(List<T> a, List<T> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
