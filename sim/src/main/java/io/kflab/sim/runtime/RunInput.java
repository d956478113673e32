package io.kflab.sim.runtime;

/**
 * The input of one test run (kernel: the data_in, ctx_in and repeat of BPF_PROG_TEST_RUN).
 *
 * @param data packet bytes, or null (syscall programs take none)
 * @param ctx context bytes, or null for the type's default context
 * @param repeat how many runs over the same context (side effects accumulate, as in the kernel)
 */
public record RunInput(byte[] data, byte[] ctx, int repeat) {
    public RunInput {
        if (repeat < 1) throw new IllegalArgumentException("repeat must be at least 1");
        data = data == null ? null : data.clone();
        ctx = ctx == null ? null : ctx.clone();
    }

    public static RunInput of(byte[] data) {
        return new RunInput(data, null, 1);
    }
}
