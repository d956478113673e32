package io.kflab.bpf.sys;

/**
 * The outcome of a BPF_PROG_TEST_RUN (kernel: the output fields of union bpf_attr's test block).
 *
 * @param retval the program's return value (of the last run)
 * @param duration average nanoseconds per run as the kernel measured it
 * @param dataOut packet data after the run, trimmed to data_size_out (empty when not asked for)
 * @param ctxOut context after the run, trimmed to ctx_size_out (empty when not asked for)
 */
public record TestRunResult(int retval, int duration, byte[] dataOut, byte[] ctxOut) {}
