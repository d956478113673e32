package io.kflab.sim.scx.bpf;

import java.util.List;

/**
 * A BPF scheduler's description (scheduler.yaml beside its member programs): the struct_ops data
 * fields (kernel: sched_ext_ops name, flags, timeout_ms, dispatch_max_batch), the maps its programs
 * use, and the outcome a run should have.
 *
 * @param expectedExit the exit kind a run ends with (NONE: it keeps running; see ExitInfo.Kind)
 * @param programs op name to program file, relative to the scheduler (default {@code <op>.s})
 */
public record SchedulerSpec(String name, String description, String expectedOutcome, String expectedExit,
                            long flags, int timeoutMs, int dispatchMaxBatch, List<MapSpec> maps,
                            java.util.Map<String, String> programs) {
    /** A map the programs refer to as {@code %[name]}. */
    public record MapSpec(String name, String type, int keySize, int valueSize, int maxEntries) {}
}
