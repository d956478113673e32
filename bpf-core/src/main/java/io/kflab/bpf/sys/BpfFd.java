package io.kflab.bpf.sys;

import java.util.concurrent.atomic.AtomicBoolean;

/** A file descriptor for a BPF object (kernel: an anon-inode fd that holds a reference); closed exactly once. */
public abstract sealed class BpfFd implements AutoCloseable permits ProgFd, MapFd, LinkFd, BtfFd {
    private final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();

    BpfFd(int fd) {
        if (fd < 0) throw new IllegalArgumentException("negative fd " + fd);
        this.fd = fd;
    }

    /** The descriptor number; fails once closed. */
    public final int fd() {
        if (closed.get()) throw new IllegalStateException(getClass().getSimpleName() + " " + fd + " is closed");
        return fd;
    }

    /** Whether {@link #close()} has run. */
    public final boolean isClosed() {
        return closed.get();
    }

    /** Closes the descriptor; later calls do nothing. */
    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            Libc.close(fd);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + fd + (closed.get() ? ", closed" : "") + "]";
    }
}
