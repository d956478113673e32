package io.kflab.bpf.diag;

/**
 * A capability kflab needs is missing on this machine (not Linux, not root, bpf(2) unavailable);
 * reported as one line with exit code 3.
 */
public class MissingCapabilityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingCapabilityException(String message) {
        super(message);
    }
}
