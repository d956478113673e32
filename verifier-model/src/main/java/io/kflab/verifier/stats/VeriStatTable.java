package io.kflab.verifier.stats;

import java.util.List;
import java.util.Locale;

/** The comparison as veristat -C prints it: one row per program, kernel (A) and model (B) side by side. */
public final class VeriStatTable {
    private VeriStatTable() {}

    private static final String ROW = "%-60s %-8s %-8s %11s %11s %8s %9s %9s %7s %7s %6s %6s%n";

    public static String render(List<Comparison> cs, VeriStatSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, ROW, "Program", "Verdict", "Verdict", "Duration", "Duration", "Ratio",
                "Insns", "Insns", "States", "States", "Peak", "Peak"));
        sb.append(String.format(Locale.ROOT, ROW, "", "(kernel)", "(model)", "(us,kern)", "(us,model)", "(B/A)",
                "(kernel)", "(model)", "(kern)", "(model)", "(kern)", "(model)"));
        sb.append("-".repeat(160)).append('\n');
        for (Comparison c : cs) {
            sb.append(String.format(Locale.ROOT, ROW, clip(c.program(), 60), verdict(c.kernel()), verdict(c.model()),
                    us(c.kernel().timeUs()), us(c.model().timeUs()), ratio(c.timeRatio()),
                    c.kernel().insns(), c.model().insns(), c.kernel().totalStates(), c.model().totalStates(),
                    c.kernel().peakStates(), c.model().peakStates()));
        }
        sb.append("-".repeat(160)).append('\n');
        sb.append(String.format(Locale.ROOT, "%d programs, %d same verdict; model/kernel time: median %s, p90 %s, total %s (%.0f us / %.0f us)%n",
                s.programs(), s.sameVerdict(), ratio(s.medianTimeRatio()), ratio(s.p90TimeRatio()),
                ratio(s.modelTotalUs() / s.kernelTotalUs()), s.modelTotalUs(), s.kernelTotalUs()));
        return sb.toString();
    }

    private static String verdict(VerifierStats v) {
        return v.accepted() ? "success" : "failure";
    }

    private static String us(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "-" : Double.isInfinite(r) ? "inf" : String.format(Locale.ROOT, "%.2fx", r);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
    }
}
