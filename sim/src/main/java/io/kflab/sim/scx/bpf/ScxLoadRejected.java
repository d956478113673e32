package io.kflab.sim.scx.bpf;

/**
 * A member program the kernel would refuse at load (kernel: the verifier's "calling kernel function
 * %s is not allowed", EACCES, from the load-time filter or a polymorphic resolver that refuses).
 */
public final class ScxLoadRejected extends RuntimeException {
    public final String errno;

    public ScxLoadRejected(String message, String errno) {
        super(message);
        this.errno = errno;
    }
}
