package io.kflab.bpf.sys;

import java.util.Optional;

/**
 * The verdict of a BPF_PROG_LOAD (kernel: the verifier's return value and log).
 *
 * @param accepted whether the kernel loaded the program
 * @param errno why not, or null when accepted
 * @param log the verifier log ({@code ""} at log level 0)
 * @param fd the program when accepted; closing this result closes it
 * @param insnsProcessed N from the log line {@code processed N insns}, or -1
 * @param logTrueSize the log size the kernel needed, with its NUL (kernel: log_true_size), 0 when unknown
 */
public record LoadResult(boolean accepted, Errno errno, String log, Optional<ProgFd> fd,
                         int insnsProcessed, int logTrueSize) implements AutoCloseable {

    /** The program, or a {@link BpfException} carrying the errno and the log. */
    public ProgFd fdOrThrow() {
        return fd.orElseThrow(() -> new BpfException(BpfCmd.BPF_PROG_LOAD, errno, log));
    }

    /** Closes the program fd, if any. */
    @Override
    public void close() {
        fd.ifPresent(BpfFd::close);
    }
}
