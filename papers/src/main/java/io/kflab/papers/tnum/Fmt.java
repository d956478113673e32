package io.kflab.papers.tnum;

import java.util.Locale;

/** Number formatting for RESULTS.md. */
final class Fmt {
    private Fmt() {}

    static String n(long x) {
        return String.format(Locale.ROOT, "%,d", x);
    }

    static String pct(long part, long whole) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }

    static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
