package io.kflab.sim.workload;

import io.kflab.sim.kernel.Behaviour;

/**
 * One task of a workload (kernel: what a fork + the program's loop would produce): when it forks,
 * its name and weight (kernel: se.load.weight from its nice value), and its behaviour.
 *
 * @param cpuBound whether it always wants the CPU (fairness is measured over such tasks)
 */
public record TaskSpec(long arrivalNs, String comm, int weight, boolean cpuBound, Behaviour behaviour) {}
