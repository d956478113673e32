package io.kflab.catalog.corpus;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.ProgressOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kernel source trees by release name ({@code linux-6.1}, {@code linux-6.12}) from the Debian
 * {@code linux-source} packages, kept in the kflab cache ({@code ~/.cache/kflab}, or {@code
 * $KFLAB_CACHE}).
 */
public final class Corpus {
    private Corpus() {}

    /** The kflab cache directory: {@code $KFLAB_CACHE}, else {@code ~/.cache/kflab}. */
    public static Path cacheDir() {
        String env = System.getenv("KFLAB_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "kflab");
    }

    /** Fetches (download, extract) the tree of {@code release} unless cached; returns it. */
    public static Path fetch(String release, ProgressOpener progress) {
        try {
            return new CorpusCache(cacheDir()).fetch(KernelRelease.of(release), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("kernel corpus " + release + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + release, e);
        }
    }

    /** The cached tree of {@code release}; bad input naming the fetch command when it is missing. */
    public static Path path(String release) {
        KernelRelease r = KernelRelease.of(release);
        return new CorpusCache(cacheDir()).tree(r).orElseThrow(() -> new BadInputException(null,
                "no kernel corpus " + r + " in " + cacheDir() + "; run: kflab corpus fetch " + r));
    }

    /** A user-given tree ({@code --kernel-src PATH}) as is when not null, else the cached {@code release}. */
    public static Path path(String release, Path kernelSrc) {
        if (kernelSrc == null) return path(release);
        if (!Files.isDirectory(kernelSrc))
            throw new BadInputException(kernelSrc.toString(), "--kernel-src is not a directory");
        return kernelSrc;
    }
}
