package io.kflab.catalog.kfunc;

import java.util.List;

/** The kernel versions whose kfunc vocabularies kflab knows (kernel: 6.1, 6.12, 6.18, 7.3) and mapping a release to one. */
public final class KernelVersions {
    /** The versions with data, oldest first. */
    public static final List<String> KNOWN = List.of("6.1", "6.12", "6.18", "7.3");

    private KernelVersions() {}

    /** The newest known version not newer than {@code release} (e.g. "6.18.44-amd64" → "6.18"); the oldest for older releases. */
    public static String nearest(String release) {
        int[] r = parse(release);
        String best = KNOWN.getFirst();
        for (String k : KNOWN) {
            if (compare(parse(k), r) <= 0) best = k;
        }
        return best;
    }

    /** Major and minor of a release string; throws IllegalArgumentException when it has none. */
    public static int[] parse(String release) {
        String[] parts = release.trim().split("[.\\-+~_ ]");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("expected a kernel release like 6.12 or 6.18.44, found '" + release + "'");
        }
    }

    private static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }
}
