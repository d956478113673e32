package io.kflab.catalog.corpus;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.MissingCapabilityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Debian package client, {@code apt-get download} (and {@code apt-get update} when a package is unknown). */
final class AptGet {
    private AptGet() {}

    record Run(int exit, String output) {
        boolean unknownPackage() {
            return output.contains("Unable to locate package") || output.contains("has no installation candidate")
                    || output.contains("Can't select candidate") || output.contains("Couldn't find any package");
        }
    }

    /** Downloads {@code pkg}'s .deb into {@code dir}, updating the package lists once if apt does not know it. */
    static Path download(String pkg, Path dir) throws IOException, InterruptedException {
        Run r = run(dir, "apt-get", "download", pkg);
        if (r.exit() != 0 && r.unknownPackage()) {
            Run u = run(dir, "apt-get", "update");
            if (u.exit() != 0) throw new IOException("apt-get update failed: " + lastLine(u.output()));
            r = run(dir, "apt-get", "download", pkg);
        }
        if (r.exit() != 0 && r.unknownPackage()) {
            throw new BadInputException(pkg.replace("linux-source-", "linux-"), "no Debian package " + pkg
                    + " on this machine's package lists; kflab knows linux-6.1 and linux-6.12 (or pass --kernel-src PATH)");
        }
        if (r.exit() != 0) throw new IOException("apt-get download " + pkg + " failed: " + lastLine(r.output()));
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(pkg + "_")
                    && f.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IOException("apt-get download " + pkg + " left no .deb"));
        }
    }

    static Run run(Path dir, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new MissingCapabilityException("cannot run " + command[0] + " (a Debian package client is needed"
                    + " to fetch kernel sources; or pass --kernel-src PATH): " + e.getMessage());
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }
}
