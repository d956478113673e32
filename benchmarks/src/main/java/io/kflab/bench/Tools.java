package io.kflab.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** External tools the benchmarks compare against. */
public final class Tools {
    private Tools() {}

    /** The bpftool executable, or null when it is not installed. */
    public static String bpftoolOrNull() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "bpftool"))) return Path.of(dir, "bpftool").toString();
        }
        for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/local/sbin"}) {
            if (Files.isExecutable(Path.of(dir, "bpftool"))) return Path.of(dir, "bpftool").toString();
        }
        return null;
    }

    static String bpftool() {
        String b = bpftoolOrNull();
        if (b == null) throw new IllegalStateException("bpftool is not installed (apt-get install bpftool)");
        return b;
    }
}
