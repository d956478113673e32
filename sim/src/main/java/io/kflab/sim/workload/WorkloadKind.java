package io.kflab.sim.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The synthetic workload families (docs/sim.md gives each one's phases). */
public enum WorkloadKind {
    /** CPU-bound: long runs, rare short sleeps, forever. */
    CPU,
    /** IO-like: short runs, sleeps of milliseconds, forever. */
    IO,
    /** Half CPU-bound, half IO-like. */
    MIXED,
    /** Groups of short jobs arriving together every 100 ms, each exiting after a few ms of work. */
    BURSTY,
    /** Many short-lived tasks arriving at random over the run, each exiting after < 2 ms of work. */
    SHORT;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind called {@code name}, or null. */
    public static WorkloadKind byName(String name) {
        for (WorkloadKind k : values()) if (k.cliName().equals(name)) return k;
        return null;
    }

    public static String names() {
        return Arrays.stream(values()).map(WorkloadKind::cliName).collect(Collectors.joining(", "));
    }
}
