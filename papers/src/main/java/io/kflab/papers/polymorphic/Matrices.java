package io.kflab.papers.polymorphic;

import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.DesignMatrix;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;
import io.kflab.verifier.resolve.data.SubsystemData;
import io.kflab.verifier.resolve.design.Designs;
import java.util.List;
import java.util.Map;

/** The (kfunc x member) verdict matrices of the built-in subsystems under the three designs the talk compares. */
final class Matrices {
    private Matrices() {}

    static final List<Resolution> DESIGNS = List.of(Resolution.RUNTIME_MASK, Resolution.LOAD_FILTER, Resolution.POLYMORPHIC);

    /** sched_ext first, then the others (bpf_qdisc). */
    static List<DesignMatrix> all() {
        Map<String, Subsystem> subs = SubsystemData.builtin();
        return subs.values().stream().sorted((a, b) -> a.name().equals("sched_ext") ? -1 : b.name().equals("sched_ext") ? 1 : a.name().compareTo(b.name()))
                .map(s -> DesignMatrix.of(s, DESIGNS.stream().map(Designs::of).toList())).toList();
    }

    static Verdict.Kind kind(DesignMatrix.Cell c, Resolution d) {
        return c.verdicts().get(d).kind();
    }

    static long count(DesignMatrix m, java.util.function.Predicate<DesignMatrix.Cell> p) {
        return m.rows().stream().flatMap(r -> r.cells().stream()).filter(p).count();
    }
}
