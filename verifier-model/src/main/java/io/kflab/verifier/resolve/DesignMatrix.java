package io.kflab.verifier.resolve;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.design.KfuncDesign;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The (kfunc x struct_ops member) verdict matrix of a subsystem under several designs side by side,
 * each cell a call at the member's entry (kernel: one program per member calling the kfunc once).
 */
public record DesignMatrix(Subsystem subsystem, List<Resolution> designs, List<String> members, List<Row> rows) {
    public DesignMatrix {
        Objects.requireNonNull(subsystem);
        designs = List.copyOf(designs);
        members = List.copyOf(members);
        rows = List.copyOf(rows);
    }

    /** One kfunc's cells, one per member. */
    public record Row(String kfunc, List<Cell> cells) {
        public Row { cells = List.copyOf(cells); }
    }

    /** The verdict of each design for one (kfunc, member); {@code disagree} when the verdict kinds differ. */
    public record Cell(String kfunc, String member, Map<Resolution, Verdict> verdicts) {
        public Cell {
            verdicts = java.util.Collections.unmodifiableMap(new EnumMap<>(verdicts));
        }

        public boolean disagree() {
            return verdicts.values().stream().map(Verdict::kind).distinct().count() > 1;
        }
    }

    /** Computes the matrix over the subsystem's public kfuncs and callback members. */
    public static DesignMatrix of(Subsystem s, List<KfuncDesign> designs) {
        List<Row> rows = new ArrayList<>();
        for (KfuncSpec k : s.publicKfuncs()) {
            List<Cell> cells = new ArrayList<>();
            for (MemberSpec m : s.members()) {
                ResolutionContext ctx = s.contextOf(m);
                Map<Resolution, Verdict> v = new EnumMap<>(Resolution.class);
                for (KfuncDesign d : designs) v.put(d.profile().kind(), d.decide(s, k, ctx));
                cells.add(new Cell(k.name(), m.name(), v));
            }
            rows.add(new Row(k.name(), cells));
        }
        return new DesignMatrix(s, designs.stream().map(d -> d.profile().kind()).toList(), s.members().stream().map(MemberSpec::name).toList(), rows);
    }

    /** The cell of a kfunc (by name) and member. */
    public Cell cell(String kfunc, String member) {
        for (Row r : rows) {
            if (!r.kfunc().equals(kfunc)) continue;
            for (Cell c : r.cells()) if (c.member().equals(member)) return c;
        }
        throw new IllegalArgumentException("no cell " + kfunc + " x " + member);
    }

    /** Every cell where the designs disagree, in row order. */
    public List<Cell> disagreements() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(Cell::disagree).toList();
    }

    /** Per design, how many cells of each kind. */
    public Map<Resolution, Map<Verdict.Kind, Integer>> counts() {
        Map<Resolution, Map<Verdict.Kind, Integer>> out = new LinkedHashMap<>();
        for (Resolution d : designs) {
            Map<Verdict.Kind, Integer> m = new EnumMap<>(Verdict.Kind.class);
            for (Verdict.Kind k : Verdict.Kind.values()) m.put(k, 0);
            rows.forEach(r -> r.cells().forEach(c -> m.merge(c.verdicts().get(d).kind(), 1, Integer::sum)));
            out.put(d, m);
        }
        return out;
    }

    public int cellCount() {
        return rows.size() * members.size();
    }
}
