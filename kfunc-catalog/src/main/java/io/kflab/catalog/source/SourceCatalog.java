package io.kflab.catalog.source;

import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.filter.Filter;
import io.kflab.catalog.filter.FilterData;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.Param;
import io.kflab.catalog.kfunc.Prototype;
import io.kflab.catalog.kfunc.SetEntry;
import io.kflab.catalog.provenance.Source;
import io.kflab.catalog.scan.KfuncIdSet;
import io.kflab.catalog.scan.KfuncPrototype;
import io.kflab.catalog.scan.ScanResult;
import io.kflab.catalog.scan.ScanWarning;
import io.kflab.catalog.scan.SourceLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kernel source tree's kfunc facts as a catalog (kernel: the BTF_KFUNCS sets, the
 * btf_kfunc_id_set initialisers and the register_btf_kfunc_id_set calls of that tree). Set
 * filters, which are C code, take their meaning from kflab's filter data by function name.
 */
public final class SourceCatalog {
    private SourceCatalog() {}

    /** What interpreting a scan produced, with what it could not interpret. */
    public record Result(Catalog catalog, List<ScanWarning> warnings) {}

    /**
     * @param tree the tree's name for provenance, e.g. {@code linux-6.12}
     * @param version the kernel version whose hook table, flag bits and suffixes apply, e.g. {@code 6.12}
     */
    public static Result from(ScanResult scan, String tree, String version) {
        Catalog.Builder b = Catalog.builder(tree).version(version);
        List<ScanWarning> warnings = new ArrayList<>(scan.warnings());
        // id_set variables are static: the same name may stand in several files.
        Map<String, KfuncIdSet> idSets = new HashMap<>();
        for (KfuncIdSet s : scan.idSets()) {
            idSets.put(s.at().file() + ":" + s.name(), s);
            idSets.putIfAbsent(s.name(), s);
        }

        Map<String, KfuncSet> sets = new LinkedHashMap<>();
        Map<String, Set<String>> flagsOf = new LinkedHashMap<>();
        Map<String, List<Source>> sourcesOf = new LinkedHashMap<>();
        for (io.kflab.catalog.scan.KfuncSet set : scan.sets()) {
            List<SetEntry> entries = new ArrayList<>();
            for (io.kflab.catalog.scan.SetEntry e : set.entries()) {
                Source src = src(tree, e.at());
                SetEntry entry = SetEntry.of(e.name(), KfFlags.of(e.flags().toArray(String[]::new)), src);
                String cond = e.condition().text();
                if (!cond.isEmpty()) entry = entry.when(cond);
                entries.add(entry);
                flagsOf.computeIfAbsent(e.name(), k -> new LinkedHashSet<>()).addAll(e.flags());
                sourcesOf.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(src);
            }
            sets.put(set.name(), KfuncSet.of(set.name(), entries, src(tree, set.at())));
        }

        Catalog known = FilterData.linux618();
        for (io.kflab.catalog.scan.Registration r : scan.registrations()) {
            Source src = src(tree, r.at());
            KfuncIdSet idSet = idSets.getOrDefault(r.at().file() + ":" + r.idSet(), idSets.get(r.idSet()));
            Optional<String> setName = idSet == null ? Optional.empty() : idSet.set();
            if (setName.isEmpty()) {
                warnings.add(new ScanWarning(r.at(), "registration of '" + r.idSet() + "': no btf_kfunc_id_set initialiser names its set"));
                continue;
            }
            String set = setName.get();
            Optional<String> filter = idSet.filter();
            if (filter.isPresent()) {
                KfuncSet s = sets.get(set);
                if (s != null) sets.put(set, s.withFilter(filter.get()));
                Filter f = known.filters().get(filter.get());
                if (f != null) b.filter(f);
                else warnings.add(new ScanWarning(idSet.at(), "filter " + filter.get() + " has no filter data: kflab cannot predict it"));
            }
            Registration reg;
            if (r.kind() == io.kflab.catalog.scan.Registration.Kind.FMODRET) {
                reg = Registration.fmodret(set, src);
            } else if (!r.literalProgType()) {
                continue; // the scanner has warned: a program type kflab cannot evaluate
            } else if (r.progType().equals("BPF_PROG_TYPE_UNSPEC")) {
                reg = Registration.common(set, src);
            } else {
                Optional<ProgType> type = ProgType.fromCliName(r.progType());
                if (type.isEmpty()) {
                    warnings.add(new ScanWarning(r.at(), "unknown program type " + r.progType()));
                    continue;
                }
                reg = Registration.of(set, type.get(), src);
            }
            String cond = r.condition().text();
            b.registration(cond.isEmpty() ? reg : reg.when(cond));
        }

        sets.values().forEach(b::set);
        Map<String, KfuncPrototype> protos = new HashMap<>();
        for (KfuncPrototype p : scan.prototypes()) protos.merge(p.name(), p, (x, y) -> x.definition() ? x : y);
        flagsOf.forEach((name, flags) -> {
            Kfunc.Builder k = Kfunc.named(name).flags(KfFlags.of(flags.toArray(String[]::new)));
            sourcesOf.get(name).forEach(k::source);
            KfuncPrototype p = protos.get(name);
            if (p != null) {
                k.prototype(new Prototype(p.returnType(),
                        p.params().stream().map(q -> new Param(q.name(), q.type())).toList(), false));
            }
            b.kfunc(k.build());
        });
        b.source(Source.tree(tree, "", 0));
        return new Result(b.build(), List.copyOf(warnings));
    }

    private static Source src(String tree, SourceLine at) {
        return Source.tree(tree, at.file(), at.line());
    }
}
