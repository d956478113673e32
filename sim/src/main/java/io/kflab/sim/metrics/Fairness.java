package io.kflab.sim.metrics;

import java.util.List;

/** Jain's fairness index: (Σx)² / (n·Σx²), 1 when every x is equal, 1/n when one gets everything. */
public final class Fairness {
    private Fairness() {}

    public static double jain(List<Double> xs) {
        if (xs.isEmpty()) return 1.0;
        double sum = 0, sq = 0;
        for (double x : xs) {
            sum += x;
            sq += x * x;
        }
        return sq == 0 ? 1.0 : sum * sum / (xs.size() * sq);
    }
}
