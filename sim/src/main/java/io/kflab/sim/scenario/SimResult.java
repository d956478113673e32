package io.kflab.sim.scenario;

import io.kflab.sim.metrics.Latency;
import java.util.List;
import java.util.Map;

/**
 * What a run measured; equal for equal scenarios (nothing here depends on the host).
 *
 * @param throughput tasks completed per second of virtual time
 * @param utilisation per-CPU busy fraction over the run
 * @param bpfInsnsPerOp BPF instructions executed per scheduler op (empty for built-in classes)
 */
public record SimResult(String scenario, String scheduler, String workload, int cpus, long durationNs, long seed,
                        int tasksCreated, int tasksCompleted, int tasksLost, boolean ejected, String exitReason,
                        Latency latencyUs, double fairness, long contextSwitches, double throughput,
                        List<Double> utilisation, long events, Map<String, Double> bpfInsnsPerOp) {}
