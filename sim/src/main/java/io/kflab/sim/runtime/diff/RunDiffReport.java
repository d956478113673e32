package io.kflab.sim.runtime.diff;

import java.util.List;

/**
 * How the runtime's executions compare with BPF_PROG_TEST_RUN on generated programs.
 *
 * @param total programs generated
 * @param sameResult programs the kernel accepted whose return value, data out and map contents the runtime matched
 * @param differentResult programs the kernel accepted where the runtime differed or faulted (each has a reproducer)
 * @param kernelRejected programs the kernel's verifier refused (the generator's misses; not run)
 * @param faults of the different results, those where the runtime raised a fault
 * @param reproducers files written for the differences
 * @param rejections the first few verifier messages of rejected programs (to improve the generator)
 */
public record RunDiffReport(int total, int sameResult, int differentResult, int kernelRejected, int faults,
        List<String> reproducers, List<String> rejections) {
    public RunDiffReport {
        reproducers = List.copyOf(reproducers);
        rejections = List.copyOf(rejections);
    }
}
