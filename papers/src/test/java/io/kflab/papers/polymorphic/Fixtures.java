package io.kflab.papers.polymorphic;

import io.kflab.bench.dispatch.DispatchDesign;
import io.kflab.bench.dispatch.DispatchReport;
import io.kflab.bench.dispatch.DispatchScore;
import java.util.List;

/** A small plan and fixed timing figures, so the claim tests measure mechanisms and never the clock. */
final class Fixtures {
    private Fixtures() {}

    static final Plan SMALL = new Plan("test", 2, 300, 16, new Plan.Timing.InProcess(5, 1));

    static DispatchReport timing() {
        String m = DispatchScore.MECHANISM;
        return DispatchReport.of("fixed figures for tests", List.of(
                new DispatchScore.Raw(m, DispatchDesign.DIRECT_CALL, 1, 2.0, 0.02),
                new DispatchScore.Raw(m, DispatchDesign.RUNTIME_MASK, 1, 3.0, 0.03),
                new DispatchScore.Raw(m, DispatchDesign.LOAD_FILTER, 1, 2.05, 0.02),
                new DispatchScore.Raw(m, DispatchDesign.POLYMORPHIC, 1, 2.0, 0.02)));
    }
}
