package io.kflab.cli;

import io.kflab.bpf.sys.ProgType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The test-run input both {@code kflab kernel run} and {@code kflab run} take (kernel:
 * BPF_PROG_TEST_RUN's data_in, ctx_in and repeat), so that a test vector means the same on both.
 */
final class RunInputOptions {
    @Option(names = "--data", paramLabel = "HEX", converter = Converters.HexConverter.class,
            description = "Input packet/data as hex (default: 64 zero bytes, as the kernel selftests use).")
    Converters.Hex data;

    @Option(names = "--ctx", paramLabel = "HEX", converter = Converters.HexConverter.class, description = "Context as hex.")
    Converters.Hex ctx;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Runs over the same context (duration is the mean per run).")
    int repeat;

    /** Rejects a repeat below 1 as the command line's error. */
    void validate(CommandSpec spec) {
        if (repeat < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--repeat must be at least 1, found " + repeat);
    }

    /** data_in: the given bytes, else 64 zero bytes, and none for syscall programs (they take no packet). */
    byte[] dataIn(ProgType type) {
        return data != null ? data.bytes() : (type == ProgType.SYSCALL ? null : new byte[64]);
    }

    /** ctx_in, or null. */
    byte[] ctxIn() {
        return ctx == null ? null : ctx.bytes();
    }
}
