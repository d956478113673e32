package io.kflab.verifier.structops.model;

import io.kflab.bpf.sys.Errno;

/**
 * The answer of one bpf(2) command (kernel: the syscall's return value): a non-negative value (an fd,
 * 0, a test run's retval) or an errno; {@code log} is the verifier log of a program load, {@code data}
 * what a lookup or test run copied out.
 */
public record SysResult(long value, Errno errno, String log, byte[] data) {
    /** Success with a value. */
    public static SysResult ok(long value) {
        return new SysResult(value, null, "", new byte[0]);
    }

    /** Success with a value and bytes copied out. */
    public static SysResult ok(long value, byte[] data) {
        return new SysResult(value, null, "", data.clone());
    }

    /** Failure with an errno. */
    public static SysResult err(Errno errno) {
        return new SysResult(-1, errno, "", new byte[0]);
    }

    /** Failure with an errno and a log line. */
    public static SysResult err(Errno errno, String log) {
        return new SysResult(-1, errno, log, new byte[0]);
    }

    /** Whether the command succeeded. */
    public boolean ok() {
        return errno == null;
    }

    /** The value as an fd. */
    public int fd() {
        if (!ok()) throw new IllegalStateException("no fd: " + errno.name());
        return (int) value;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
