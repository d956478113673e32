package io.kflab.papers.polymorphic;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.DesignMatrix;
import io.kflab.verifier.resolve.Verdict.Kind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Claim 3: allowing helpers/kfuncs by program type is too coarse for struct_ops, whose members are
 * different calling contexts of one program type. From the verdict matrices: what registration for
 * BPF_PROG_TYPE_STRUCT_OPS admits (RUNTIME_MASK's load verdicts: every kfunc of the sets, from every
 * member) against what is legal per member (the per-member filter, LOAD_FILTER), and how many distinct
 * allow sets the members of one type need.
 */
final class TypeGranularityClaim {
    private TypeGranularityClaim() {}

    static ClaimResult run(List<DesignMatrix> matrices) {
        Conditions c = new Conditions();
        StringBuilder md = new StringBuilder();
        md.append("*By program type*: the cells that load when the kfuncs are registered for the whole STRUCT_OPS program type (RUNTIME_MASK's "
                + "load verdict; only the checks every design shares, such as sleepability, refuse). *Legal*: the cells the per-member rule "
                + "allows at load (LOAD_FILTER). *Contexts*: distinct sets of legal kfuncs among the members of the one program type.\n\n");
        md.append("| subsystem | kfuncs | members | cells | by program type | legal per member | over-allowed by type | "
                + "context-sensitive kfuncs | contexts |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, String> perKfunc = new LinkedHashMap<>();
        for (DesignMatrix m : matrices) {
            long byType = Matrices.count(m, cell -> Matrices.kind(cell, Resolution.RUNTIME_MASK) != Kind.REJECTED_AT_LOAD);
            long legal = Matrices.count(m, cell -> Matrices.kind(cell, Resolution.LOAD_FILTER) == Kind.ALLOWED_AT_LOAD);
            long over = Matrices.count(m, cell -> Matrices.kind(cell, Resolution.RUNTIME_MASK) != Kind.REJECTED_AT_LOAD
                    && Matrices.kind(cell, Resolution.LOAD_FILTER) == Kind.REJECTED_AT_LOAD);
            long sensitive = m.rows().stream().filter(r -> r.cells().stream().map(cell -> Matrices.kind(cell, Resolution.LOAD_FILTER)).distinct().count() > 1).count();
            Set<Set<String>> contexts = new HashSet<>();
            for (int i = 0; i < m.members().size(); i++) {
                Set<String> legalHere = new TreeSet<>();
                for (DesignMatrix.Row r : m.rows()) if (Matrices.kind(r.cells().get(i), Resolution.LOAD_FILTER) == Kind.ALLOWED_AT_LOAD) legalHere.add(r.kfunc());
                contexts.add(legalHere);
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d (%.0f%%) | %d | %d |%n", m.subsystem().name(), m.rows().size(),
                    m.members().size(), m.cellCount(), byType, legal, over, 100.0 * over / byType, sensitive, contexts.size()));
            c.check(m.subsystem().name() + ": registration by program type admits cells the per-member rule refuses (" + over + " of " + byType + ")", over > 0);
            c.check(m.subsystem().name() + ": the members of the one program type need more than one allow set (" + contexts.size() + ")", contexts.size() > 1);
            if (m.subsystem().name().equals("sched_ext")) {
                for (DesignMatrix.Row r : m.rows()) {
                    long n = r.cells().stream().filter(cell -> Matrices.kind(cell, Resolution.LOAD_FILTER) == Kind.ALLOWED_AT_LOAD).count();
                    if (n < m.members().size()) perKfunc.put(r.kfunc(), n + " of " + m.members().size());
                }
            }
        }
        md.append("\nThe context-sensitive sched_ext kfuncs, and from how many of the members each is legal:\n\n| kfunc | legal from |\n|---|---:|\n");
        perKfunc.forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
        return new ClaimResult(3, "The helper mechanism by program type is too coarse for struct_ops members",
                "Helpers (and kfunc sets) are made available per program type; every struct_ops callback is the same program type "
                        + "(BPF_PROG_TYPE_STRUCT_OPS), so a per-type decision cannot tell ops.enqueue from ops.dispatch — the reason "
                        + "sched_ext fell back to a run-time mask and the motivation for resolving per calling context.",
                c.allHold(), c.markdown(), md.toString());
    }
}
