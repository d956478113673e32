package io.kflab.bpf.sys;

/**
 * A bpf(2) command failed (kernel: the negative errno a bpf command returns); the message is one
 * line, e.g. {@code BPF_MAP_UPDATE_ELEM: EBUSY (Device or resource busy)}.
 */
public final class BpfException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BpfCmd cmd;
    private final transient Errno errno;
    private final String log;

    public BpfException(BpfCmd cmd, Errno errno) {
        this(cmd, errno, "");
    }

    /** @param log the kernel's log for this command (BTF load), empty when there is none */
    public BpfException(BpfCmd cmd, Errno errno, String log) {
        super(cmd.name() + ": " + errno);
        this.cmd = cmd;
        this.errno = errno;
        this.log = log == null ? "" : log;
    }

    /** The command that failed. */
    public BpfCmd cmd() {
        return cmd;
    }

    /** Why it failed. */
    public Errno errno() {
        return errno;
    }

    /** The kernel's log for the command, or empty. */
    public String log() {
        return log;
    }
}
