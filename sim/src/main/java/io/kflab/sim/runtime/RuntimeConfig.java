package io.kflab.sim.runtime;

import java.util.function.LongSupplier;

/**
 * What the simulated kernel reports about its surroundings: the CPUs, the current task and CPU, the
 * clock behind bpf_ktime_get_ns, the seed of bpf_get_prandom_u32, and an instruction budget that
 * stops runaway unverified programs.
 *
 * @param cpus possible CPUs (per-CPU maps hold this many values)
 * @param cpu the CPU programs run on (bpf_get_smp_processor_id)
 * @param pid the current task's pid (thread id), tgid its process id (bpf_get_current_pid_tgid)
 * @param comm the current task's name (bpf_get_current_comm, at most 15 bytes)
 * @param clock nanoseconds for bpf_ktime_get_ns / bpf_ktime_get_boot_ns: a virtual clock, never the wall clock
 * @param seed the seed of bpf_get_prandom_u32
 * @param insnLimit instructions one run may execute before it faults (kernel: none; verified programs terminate)
 */
public record RuntimeConfig(int cpus, int cpu, int pid, int tgid, String comm, LongSupplier clock, long seed, long insnLimit) {
    public RuntimeConfig {
        if (cpus < 1 || cpu < 0 || cpu >= cpus) throw new IllegalArgumentException("cpu " + cpu + " not among " + cpus + " CPUs");
        if (insnLimit < 1) throw new IllegalArgumentException("instruction limit must be positive");
    }

    /** One CPU, pid = tgid = 1 ("kflab"), a clock stuck at 0, seed 0, 16M instructions per run. */
    public static RuntimeConfig defaults() {
        return new RuntimeConfig(1, 0, 1, 1, "kflab", () -> 0L, 0, 1L << 24);
    }

    public RuntimeConfig withCpus(int cpus, int cpu) {
        return new RuntimeConfig(cpus, cpu, pid, tgid, comm, clock, seed, insnLimit);
    }

    public RuntimeConfig withTask(int pid, int tgid, String comm) {
        return new RuntimeConfig(cpus, cpu, pid, tgid, comm, clock, seed, insnLimit);
    }

    public RuntimeConfig withClock(LongSupplier clock) {
        return new RuntimeConfig(cpus, cpu, pid, tgid, comm, clock, seed, insnLimit);
    }

    public RuntimeConfig withSeed(long seed) {
        return new RuntimeConfig(cpus, cpu, pid, tgid, comm, clock, seed, insnLimit);
    }

    public RuntimeConfig withInsnLimit(long insnLimit) {
        return new RuntimeConfig(cpus, cpu, pid, tgid, comm, clock, seed, insnLimit);
    }
}
