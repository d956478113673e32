package io.kflab.catalog.corpus;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.ProgressOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The corpus part of the kflab cache: kept .deb downloads under {@code corpus/debs/} and one
 * extracted tree per release under {@code corpus/<release>/}, complete only when its marker exists.
 */
public final class CorpusCache {
    /** Written last into a finished tree. */
    public static final String MARKER = ".kflab-corpus";

    private final Path root;

    public CorpusCache(Path cacheDir) {
        this.root = cacheDir.resolve("corpus");
    }

    public Path debs() {
        return root.resolve("debs");
    }

    /** Where the tree of {@code release} lives when fetched (it may not exist). */
    public Path treeDir(KernelRelease release) {
        return root.resolve(release.name());
    }

    /** The complete tree of {@code release}, if fetched. */
    public Optional<Path> tree(KernelRelease release) {
        Path t = treeDir(release);
        return Files.isRegularFile(t.resolve(MARKER)) ? Optional.of(t) : Optional.empty();
    }

    /** A kept .deb for {@code release}, newest first, if one was downloaded. */
    public Optional<Path> deb(KernelRelease release) {
        if (!Files.isDirectory(debs())) return Optional.empty();
        String prefix = release.debianPackage() + "_";
        try (Stream<Path> s = Files.list(debs())) {
            return s.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".deb") && Files.isRegularFile(f))
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Download (if no .deb is kept) and extract (if no complete tree exists); returns the tree. */
    public Path fetch(KernelRelease release, ProgressOpener progress) throws IOException, InterruptedException {
        Files.createDirectories(debs());
        try (FileChannel lockFile = FileChannel.open(root.resolve(".lock-" + release.name()),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            Optional<Path> done = tree(release);
            if (done.isPresent()) return done.get();
            Path deb = deb(release).orElse(null);
            if (deb == null) deb = download(release);
            return extract(release, deb, progress);
        }
    }

    /** {@code apt-get download} into a scratch directory; the .deb is moved into debs/ only when complete. */
    Path download(KernelRelease release) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory(debs(), ".download-");
        try {
            Path got = AptGet.download(release.debianPackage(), scratch);
            return move(got, debs().resolve(got.getFileName()));
        } finally {
            deleteTree(scratch);
        }
    }

    /** Extracts into a scratch directory, writes the marker, then renames it into place. */
    Path extract(KernelRelease release, Path deb, ProgressOpener progress) throws IOException {
        removeLeftovers(release);
        Path scratch = Files.createTempDirectory(root, "." + release.name() + ".partial-");
        boolean done = false;
        try {
            SourceDeb.Extracted x = SourceDeb.extract(deb, release, scratch, progress);
            if (x.files() == 0) throw new BadInputException(deb.toString(), "no kernel sources selected from the package");
            Properties marker = new Properties();
            marker.setProperty("release", release.name());
            marker.setProperty("package", deb.getFileName().toString());
            marker.setProperty("files", Integer.toString(x.files()));
            marker.setProperty("bytes", Long.toString(x.bytes()));
            marker.setProperty("extracted", Instant.now().toString());
            try (var out = Files.newBufferedWriter(scratch.resolve(MARKER))) {
                marker.store(out, "kflab kernel corpus; the tree is complete");
            }
            Path target = treeDir(release);
            if (Files.exists(target)) deleteTree(target); // left without a marker: incomplete
            Path tree = move(scratch, target);
            done = true;
            return tree;
        } finally {
            if (!done) deleteTree(scratch);
        }
    }

    /** Scratch directories of an extraction that was killed (the caller holds the release's lock). */
    private void removeLeftovers(KernelRelease release) throws IOException {
        String prefix = "." + release.name() + ".partial-";
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(CorpusCache::deleteTree);
        }
    }

    private static Path move(Path from, Path to) throws IOException {
        try {
            return Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover scratch directory is never mistaken for a tree (no marker)
        }
    }
}
