package io.kflab.verifier.selftest;

/** Thrown inside the importer when a test uses a construct it does not model; becomes the case's {@link Unsupported}. */
final class UnsupportedConstruct extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Unsupported reason;

    UnsupportedConstruct(String feature, String detail) {
        super(feature + ": " + detail, null, false, false);
        this.reason = new Unsupported(feature, detail);
    }
}
