package io.kflab.catalog.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The running kernel's identity (kernel: the GNU build-id ELF note exported in
 * {@code /sys/kernel/notes}, and the release from {@code uname -r}).
 *
 * @param buildId hex GNU build id, or {@code r-<release>-<hash of /proc/version>} when the note is unreadable
 * @param release the kernel release (uname -r)
 */
public record KernelBuild(String buildId, String release) {
    private static final Path NOTES = Path.of("/sys/kernel/notes");
    private static final Path OSRELEASE = Path.of("/proc/sys/kernel/osrelease");
    private static final Path VERSION = Path.of("/proc/version");
    /** Note type NT_GNU_BUILD_ID. */
    private static final int NT_GNU_BUILD_ID = 3;

    /** The running kernel's build. */
    public static KernelBuild current() {
        String release = read(OSRELEASE).map(String::strip).orElse(System.getProperty("os.version"));
        Optional<String> id = readBytes(NOTES).flatMap(KernelBuild::gnuBuildId);
        return new KernelBuild(id.orElseGet(() -> fallbackId(release)), release);
    }

    /** The GNU build id in a blob of ELF notes (namesz, descsz, type, name, desc; 4-byte aligned). */
    public static Optional<String> gnuBuildId(byte[] notes) {
        ByteBuffer b = ByteBuffer.wrap(notes).order(ByteOrder.nativeOrder());
        while (b.remaining() >= 12) {
            int namesz = b.getInt(), descsz = b.getInt(), type = b.getInt();
            if (namesz < 0 || descsz < 0 || align4(namesz) + (long) align4(descsz) > b.remaining()) break;
            byte[] name = new byte[namesz];
            b.get(name);
            b.position(b.position() + align4(namesz) - namesz);
            byte[] desc = new byte[descsz];
            b.get(desc);
            b.position(b.position() + align4(descsz) - descsz);
            if (type == NT_GNU_BUILD_ID && new String(name, StandardCharsets.US_ASCII).equals("GNU\0") && descsz > 0) {
                return Optional.of(HexFormat.of().formatHex(desc));
            }
        }
        return Optional.empty();
    }

    private static String fallbackId(String release) {
        String version = read(VERSION).orElse(release);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(version.getBytes(StandardCharsets.UTF_8));
            return "r-" + release.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }

    private static Optional<String> read(Path p) {
        return readBytes(p).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> readBytes(Path p) {
        try {
            return Optional.of(Files.readAllBytes(p));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
