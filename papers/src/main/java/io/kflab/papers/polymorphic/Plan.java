package io.kflab.papers.polymorphic;

/**
 * How big a reproduction run is: the simulated machine and workload, and how the dispatch cost is timed.
 *
 * @param durationMs virtual time each simulation runs
 */
public record Plan(String name, int cpus, long durationMs, int tasks, Timing timing) {
    public Plan {
        if (cpus < 1 || durationMs < 1 || tasks < 1) throw new IllegalArgumentException("cpus, duration and tasks must be positive");
    }

    /** How claim 1's cost table is measured. */
    public sealed interface Timing {
        /** Under JMH (DispatchBench, DispatchLoopBench in a forked JVM). */
        record Jmh(boolean quick) implements Timing {}

        /** In-process, interleaved rounds (DispatchQuick): seconds instead of minutes, JIT free to inline. */
        record InProcess(int rounds, int roundMs) implements Timing {}
    }

    /** What CI runs: small simulations, a few seconds of in-process timing. */
    public static Plan quick() {
        return new Plan("quick", 4, 1_000, 32, new Timing.InProcess(100, 2));
    }

    /** The published RESULTS.md: larger simulations and JMH. */
    public static Plan full() {
        return new Plan("full", 8, 2_000, 64, new Timing.Jmh(false));
    }
}
