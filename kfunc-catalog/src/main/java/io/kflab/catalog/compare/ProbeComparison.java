package io.kflab.catalog.compare;

import io.kflab.catalog.Catalog;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.matrix.Callability;
import io.kflab.catalog.matrix.Decision;
import io.kflab.catalog.matrix.Verdict;
import io.kflab.catalog.probe.ProbeCell;
import io.kflab.catalog.probe.ProbeContext;
import io.kflab.catalog.probe.ProbeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The predicted callability matrix of a catalog against the one measured on the running kernel,
 * cell by cell. Contexts the kernel could not load at all are left out and listed with the reason.
 */
public record ProbeComparison(String catalog, String kernel, int kfuncs, int contexts, long cells, long agree,
        List<Disagreement> disagreements, Map<String, String> unmeasuredContexts) {

    /** One cell where prediction and measurement differ, with both sides' reasons. */
    public record Disagreement(String kfunc, String context, String predicted, String measured, String reason) {}

    public double agreement() {
        return cells == 0 ? 1.0 : (double) agree / cells;
    }

    public static ProbeComparison of(Catalog catalog, ProbeResult probe) {
        Callability callability = Callability.of(catalog);
        List<ProbeContext> measured = new ArrayList<>();
        Map<String, String> unmeasured = new LinkedHashMap<>();
        for (ProbeContext c : probe.contexts()) {
            ProbeCell any = probe.kfuncs().isEmpty() ? null : probe.cell(probe.kfuncs().get(0), c.name());
            boolean setupFailed = any != null && any.verdict() == io.kflab.catalog.probe.Verdict.SETUP_ERROR
                    && probe.kfuncs().stream().allMatch(k -> probe.verdict(k, c.name()) == io.kflab.catalog.probe.Verdict.SETUP_ERROR);
            if (setupFailed) unmeasured.put(c.name(), "the kernel refused the context itself: " + any.errno() + " " + any.line());
            else measured.add(c);
        }
        List<Disagreement> out = new ArrayList<>();
        long cells = 0, agree = 0;
        for (ProbeContext pc : measured) {
            CallingContext ctx = ProbeContextMapping.toCallingContext(pc);
            for (String kfunc : probe.kfuncs()) {
                ProbeCell cell = probe.cell(kfunc, pc.name());
                cells++;
                Decision d = callability.decide(kfunc, ctx);
                if (agrees(d.verdict(), cell.verdict())) {
                    agree++;
                } else {
                    out.add(new Disagreement(kfunc, pc.name(), d.verdict().name(), cell.verdict().name(),
                            "predicted: " + d.reason() + "; kernel: " + (cell.line().isEmpty() ? cell.verdict().name() : cell.line())));
                }
            }
        }
        return new ProbeComparison(catalog.name(), probe.kernelRelease(), probe.kfuncs().size(), measured.size(), cells, agree,
                out, unmeasured);
    }

    /** UNKNOWN predicted for a check that comes before the allow check agrees with the kernel's UNDECIDED. */
    static boolean agrees(Verdict predicted, io.kflab.catalog.probe.Verdict measured) {
        return switch (measured) {
            case ALLOW -> predicted == Verdict.ALLOW;
            case DENY -> predicted == Verdict.DENY;
            case SLEEPABLE_ONLY -> predicted == Verdict.SLEEPABLE_ONLY;
            case UNDECIDED -> predicted == Verdict.UNKNOWN;
            case SETUP_ERROR -> false;
        };
    }
}
