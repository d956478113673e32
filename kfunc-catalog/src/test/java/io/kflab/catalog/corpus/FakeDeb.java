package io.kflab.catalog.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Builds a small .deb shaped like Debian's linux-source packages, for the extraction tests. */
final class FakeDeb {
    private FakeDeb() {}

    static Path write(Path deb, String version, Map<String, String> tree) throws IOException {
        byte[] tarball = xz(tar(tree, "linux-source-" + version + "/"));
        byte[] data = xz(tar(Map.of("usr/share/doc/linux-source-" + version + "/copyright", "fixture",
                "usr/src/linux-source-" + version + ".tar.xz", tarball), "./"));
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(Files.newOutputStream(deb))) {
            member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            member(ar, "control.tar.xz", xz(tar(Map.of("control", "Package: x\n"), "./")));
            member(ar, "data.tar.xz", data);
        }
        return deb;
    }

    private static void member(ArArchiveOutputStream ar, String name, byte[] content) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, content.length));
        ar.write(content);
        ar.closeArchiveEntry();
    }

    private static byte[] tar(Map<String, ?> files, String prefix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.putArchiveEntry(new TarArchiveEntry(prefix));
            tar.closeArchiveEntry();
            for (var e : new java.util.TreeMap<>(files).entrySet()) {
                byte[] b = e.getValue() instanceof byte[] bytes ? bytes
                        : e.getValue().toString().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry t = new TarArchiveEntry(prefix + e.getKey());
                t.setSize(b.length);
                tar.putArchiveEntry(t);
                tar.write(b);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] xz(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream x = new XZOutputStream(out, new LZMA2Options(1))) {
            x.write(in);
        }
        return out.toByteArray();
    }
}
