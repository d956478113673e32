package io.kflab.sim.runtime;

/**
 * The outcome of a test run (kernel: retval, data_out, ctx_out of BPF_PROG_TEST_RUN), plus the
 * instructions executed by the last run.
 *
 * @param retval r0 at exit, all 64 bits (the kernel reports the low 32)
 * @param dataOut the packet after the run, as BPF_PROG_TEST_RUN copies it out (empty when there is none)
 * @param ctxOut the context after the run (empty unless a context was given)
 */
public record RunResult(long retval, byte[] dataOut, byte[] ctxOut, long insnsExecuted) {
    /** The return value as BPF_PROG_TEST_RUN reports it: the low 32 bits, unsigned. */
    public long retval32() {
        return retval & 0xffff_ffffL;
    }
}
