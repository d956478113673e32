package io.kflab.catalog.corpus;

import io.kflab.bpf.diag.BadInputException;

/** A kernel release line named as kflab names corpora ({@code linux-6.12}) and its Debian source package. */
public record KernelRelease(String name, String version) {
    /** Parses {@code linux-X.Y}; anything else is bad input. */
    public static KernelRelease of(String name) {
        if (name == null || !name.matches("linux-\\d+\\.\\d+"))
            throw new BadInputException(null, "kernel corpus name must look like linux-6.12, not " + name);
        return new KernelRelease(name, name.substring("linux-".length()));
    }

    /** The Debian package holding the source tarball: {@code linux-source-6.12}. */
    public String debianPackage() {
        return "linux-source-" + version;
    }

    /** The tarball inside the package's data.tar.xz. */
    public String tarballPath() {
        return "usr/src/linux-source-" + version + ".tar.xz";
    }

    @Override
    public String toString() {
        return name;
    }
}
