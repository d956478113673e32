package io.kflab.catalog.scan;

/** A place in a kernel source tree: path relative to the tree root and 1-based line. */
public record SourceLine(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
