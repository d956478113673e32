package io.kflab.papers.tnum;

import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Counters summed over the rows of an exhaustive experiment, rows run in parallel. */
final class Rows {
    private Rows() {}

    static long[] sum(int rows, int counters, IntFunction<long[]> row) {
        return IntStream.range(0, rows).parallel().mapToObj(row).reduce(new long[counters], Rows::add);
    }

    private static long[] add(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int i = 0; i < s.length; i++) s[i] = a[i] + b[i];
        return s;
    }
}
