package io.kflab.catalog.scan;

/** Something the kfunc scanner saw but could not read as a known declaration form. */
public record ScanWarning(SourceLine at, String message) {
    @Override
    public String toString() {
        return at + ": " + message;
    }
}
