package io.kflab.verifier.check;

/**
 * The outcome of verification (kernel: BPF_PROG_LOAD's return value and verifier log).
 *
 * @param errno the errno name ("EACCES", …) or null when accepted
 * @param message the error line(s) as the kernel logs them, "" when accepted
 * @param insnsProcessed N of the final {@code processed N insns} line (0 when rejected before the walk)
 */
public record Verdict(boolean accepted, String errno, String message, String log, int insnsProcessed) {}
