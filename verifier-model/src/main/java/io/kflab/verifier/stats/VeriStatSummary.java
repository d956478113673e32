package io.kflab.verifier.stats;

import java.util.List;

/**
 * The corpus-level figures of a comparison: how many programs, how many verdicts agree, and the
 * model/kernel verification-time ratio (median and 90th percentile over programs, and of the sums).
 */
public record VeriStatSummary(int programs, int sameVerdict, double medianTimeRatio, double p90TimeRatio,
                              double kernelTotalUs, double modelTotalUs) {
    public static VeriStatSummary of(List<Comparison> cs) {
        double[] ratios = cs.stream().mapToDouble(Comparison::timeRatio).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double k = cs.stream().mapToDouble(c -> c.kernel().timeUs()).filter(d -> !Double.isNaN(d)).sum();
        double m = cs.stream().mapToDouble(c -> c.model().timeUs()).filter(d -> !Double.isNaN(d)).sum();
        return new VeriStatSummary(cs.size(), (int) cs.stream().filter(Comparison::sameVerdict).count(),
                quantile(ratios, 0.5), quantile(ratios, 0.9), k, m);
    }

    /** Nearest-rank quantile of sorted values; NaN for none. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
