package io.kflab.verifier.selftest;

/**
 * Why a selftest is not imported as a runnable case: a {@code feature} (the key counts are kept
 * by, e.g. "C body", "global data") and a {@code detail} naming the construct and where it is.
 */
public record Unsupported(String feature, String detail) {
    @Override
    public String toString() {
        return feature + ": " + detail;
    }
}
