package io.kflab.sim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in scenario files and on the command line: {@code 2s}, {@code 250ms}, {@code 100us}, {@code 5000ns}. */
public final class Durations {
    private Durations() {}

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|ms|us|ns)");

    /** The duration in ns, or -1 when {@code text} is not one. */
    public static long parseNs(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) return -1;
        double v = Double.parseDouble(m.group(1));
        double scale = switch (m.group(2)) {
            case "s" -> 1e9;
            case "ms" -> 1e6;
            case "us" -> 1e3;
            default -> 1;
        };
        double ns = v * scale;
        return ns >= 1 && ns <= 3600e9 ? Math.round(ns) : -1;
    }

    public static String format(long ns) {
        if (ns % 1_000_000_000L == 0) return ns / 1_000_000_000L + "s";
        if (ns % 1_000_000 == 0) return ns / 1_000_000 + "ms";
        if (ns % 1_000 == 0) return ns / 1_000 + "us";
        return ns + "ns";
    }
}
