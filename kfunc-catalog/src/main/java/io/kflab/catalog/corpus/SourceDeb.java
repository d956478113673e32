package io.kflab.catalog.corpus;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.Progress;
import io.kflab.catalog.ProgressOpener;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A Debian {@code linux-source-X.Y} package (.deb: an ar archive whose data.tar.xz holds
 * usr/src/linux-source-X.Y.tar.xz), read as one stream: only the {@link CorpusSelection} files
 * are written out.
 */
public final class SourceDeb {
    private static final int MIB = 1 << 20;

    private SourceDeb() {}

    /** What an extraction wrote. */
    public record Extracted(int files, long bytes) {}

    /** Streams {@code deb} and writes the selected files of its kernel tree under {@code into}. */
    public static Extracted extract(Path deb, KernelRelease release, Path into, ProgressOpener progress)
            throws IOException {
        long size = Files.size(deb);
        try (Progress bar = progress.open("extract " + release, Math.max(1, size / MIB), "MiB");
                InputStream raw = new Counting(Files.newInputStream(deb), bar);
                ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(raw, 1 << 16))) {
            ArArchiveEntry e;
            while ((e = ar.getNextEntry()) != null) {
                if (e.getName().equals("data.tar.xz")) return fromData(ar, deb, release, into);
            }
            throw new BadInputException(deb.toString(), "no data.tar.xz member in the package");
        }
    }

    private static Extracted fromData(InputStream dataXz, Path deb, KernelRelease release, Path into)
            throws IOException {
        TarArchiveInputStream data = new TarArchiveInputStream(new XZInputStream(dataXz));
        TarArchiveEntry e;
        while ((e = data.getNextEntry()) != null) {
            if (strip(e.getName()).equals(release.tarballPath())) {
                return fromTree(new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(data, 1 << 16))),
                        into);
            }
        }
        throw new BadInputException(deb.toString(), "no " + release.tarballPath() + " in data.tar.xz");
    }

    private static Extracted fromTree(TarArchiveInputStream tree, Path into) throws IOException {
        int files = 0;
        long bytes = 0;
        TarArchiveEntry e;
        while ((e = tree.getNextEntry()) != null) {
            if (!e.isFile()) continue;
            String path = treePath(e.getName());
            if (path == null) continue;
            boolean keep = CorpusSelection.byPath(path);
            if (!keep && !CorpusSelection.byContent(path)) continue;
            byte[] content = tree.readAllBytes();
            if (!keep && !CorpusSelection.keepContent(content)) continue;
            Path out = into.resolve(path).normalize();
            if (!out.startsWith(into)) throw new BadInputException(path, "tar entry escapes the tree");
            Files.createDirectories(out.getParent());
            Files.write(out, content);
            files++;
            bytes += content.length;
        }
        return new Extracted(files, bytes);
    }

    /** {@code ./usr/src/x} → {@code usr/src/x}. */
    private static String strip(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    /** {@code linux-source-6.12/kernel/bpf/btf.c} → {@code kernel/bpf/btf.c}; null for the top directory. */
    static String treePath(String name) {
        String n = strip(name);
        int slash = n.indexOf('/');
        return slash < 0 || slash == n.length() - 1 ? null : n.substring(slash + 1);
    }

    /** Counts the bytes read from the .deb into the progress bar (MiB). */
    private static final class Counting extends FilterInputStream {
        private final Progress bar;
        private long count;

        Counting(InputStream in, Progress bar) {
            super(in);
            this.bar = bar;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) advance(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) advance(n);
            return n;
        }

        private void advance(long n) {
            long before = count / MIB;
            count += n;
            if (count / MIB != before) bar.stepTo(count / MIB);
        }
    }
}
