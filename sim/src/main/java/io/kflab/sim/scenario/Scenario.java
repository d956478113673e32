package io.kflab.sim.scenario;

import io.kflab.sim.workload.WorkloadKind;

/**
 * One simulation run's inputs: the machine, the scheduler (a built-in class or a shipped BPF
 * scheduler), the workload, the virtual duration and the seed.
 *
 * @param weighted whether task weights vary (nice -5..5) instead of all being nice 0
 * @param design how context-sensitive kfuncs resolve for a BPF scheduler (RUNTIME_MASK, LOAD_FILTER, POLYMORPHIC)
 */
public record Scenario(String name, int cpus, long durationNs, long seed, String scheduler, WorkloadKind workload,
                       int tasks, boolean weighted, String design) {
    public Scenario {
        if (cpus < 1 || cpus > 4096) throw new IllegalArgumentException("cpus must be 1..4096");
        if (durationNs <= 0) throw new IllegalArgumentException("duration must be positive");
        if (tasks < 0) throw new IllegalArgumentException("tasks must be >= 0");
    }

    public Scenario withSeed(long s) {
        return new Scenario(name, cpus, durationNs, s, scheduler, workload, tasks, weighted, design);
    }

    public Scenario withScheduler(String s) {
        return new Scenario(name, cpus, durationNs, seed, s, workload, tasks, weighted, design);
    }
}
