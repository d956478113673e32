package io.kflab.sim.kernel;

/**
 * The simulated machine: CPU count, tick rate (kernel: CONFIG_HZ), how long a reschedule takes to
 * reach another CPU (the IPI and the idle exit), and the seed every random stream derives from.
 */
public record KernelConfig(int cpus, int hz, long ipiNs, long seed) {
    /** Time from resched_curr on a remote CPU to its __schedule (IPI delivery + idle exit), an x86 order of magnitude. */
    public static final long DEFAULT_IPI_NS = 2_000;

    public KernelConfig {
        if (cpus < 1 || cpus > 4096) throw new IllegalArgumentException("cpus must be 1..4096: " + cpus);
        if (hz < 100 || hz > 1000) throw new IllegalArgumentException("hz must be 100..1000: " + hz);
        if (ipiNs < 0) throw new IllegalArgumentException("ipiNs must be >= 0: " + ipiNs);
    }

    /** {@code cpus} CPUs at Debian's HZ=250. */
    public static KernelConfig of(int cpus, long seed) {
        return new KernelConfig(cpus, 250, DEFAULT_IPI_NS, seed);
    }

    public long tickNs() {
        return 1_000_000_000L / hz;
    }
}
