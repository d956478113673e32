package io.kflab.bpf.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The number of possible CPUs (kernel: cpu_possible_mask, as /sys/devices/system/cpu/possible lists it), sizing per-CPU map values. */
final class PossibleCpus {
    private PossibleCpus() {}

    static final int COUNT = read();

    private static int read() {
        try {
            return parse(Files.readString(Path.of("/sys/devices/system/cpu/possible")));
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** Counts a CPU list such as {@code 0-3,8}: the highest CPU plus one, as the kernel's per-CPU copies go. */
    static int parse(String list) {
        int max = -1;
        for (String part : list.trim().split(",")) {
            String[] r = part.split("-");
            max = Math.max(max, Integer.parseInt(r[r.length - 1].trim()));
        }
        return max + 1;
    }
}
