package io.kflab.bench.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * A short in-process measurement of the same ops the JMH benchmarks run, for CI and quick paper
 * runs: no fork, the designs interleaved round by round so drift hits all alike. A busy host
 * preempts some rounds, so the statistics are robust ones: the median over rounds, with half the
 * width of its 99.9% bootstrap interval as the error; the ratios to the direct call are paired
 * (taken round by round), so the host's drift cancels out of their error. The JIT may inline the kfunc bodies here
 * (JMH forbids it), so absolute ns are lower than JMH's and only JMH's figures are the benchmark's.
 */
public final class DispatchQuick {
    private DispatchQuick() {}

    /** Warm-up per design and kind before the rounds: C2 has compiled the paths by then. */
    static final long WARMUP_MS = 250;

    /** Mechanism (1 and 32 calls/op) and BPF-runtime (32 calls/op) costs over {@code rounds} rounds of about {@code roundMs} each per design. */
    public static DispatchReport measure(int rounds, int roundMs) {
        List<DispatchScore.Raw> raw = new ArrayList<>();
        for (int calls : new int[] {1, 32}) {
            DispatchOps ops = new DispatchOps(calls);
            raw.addAll(measure(DispatchScore.MECHANISM, calls, rounds, roundMs, d -> ops.run(d)));
            if (ops.errors() != 0) throw new IllegalStateException("a legal call failed its run-time check");
        }
        var loops = new java.util.EnumMap<DispatchDesign, DispatchLoop>(DispatchDesign.class);
        for (DispatchDesign d : DispatchDesign.values()) loops.put(d, new DispatchLoop(d, 32));
        raw.addAll(measure(DispatchScore.BPF_RUNTIME, 32, rounds, roundMs, d -> loops.get(d).runOnce()));
        return DispatchReport.of("in-process, " + rounds + " rounds of ~" + roundMs + " ms per design (not JMH)", raw);
    }

    private static List<DispatchScore.Raw> measure(String kind, int calls, int rounds, int roundMs, java.util.function.ToLongFunction<DispatchDesign> op) {
        DispatchDesign[] ds = DispatchDesign.values();
        // warm up (long enough for C2) and calibrate: ops per round from the last part of each design's warm-up
        long sink = 0;
        int batch = 1;
        long warmNs = Math.max(WARMUP_MS, 10L * roundMs) * 1_000_000L;
        for (DispatchDesign d : ds) {
            long t0 = System.nanoTime(), n = 0, tail = t0 + warmNs - roundMs * 1_000_000L;
            long now;
            while ((now = System.nanoTime()) - t0 < warmNs) {
                sink += op.applyAsLong(d);
                if (now >= tail) n++;
            }
            batch = (int) Math.max(batch, Math.min(Integer.MAX_VALUE, n));
        }
        double[][] ns = new double[ds.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < ds.length; i++) {
                DispatchDesign d = ds[(i + r) % ds.length];
                long t0 = System.nanoTime();
                for (int k = 0; k < batch; k++) sink += op.applyAsLong(d);
                ns[d.ordinal()][r] = (System.nanoTime() - t0) / (double) batch / calls;
            }
        }
        if (sink == 42) System.out.print(""); // keep the results live
        List<DispatchScore.Raw> out = new ArrayList<>();
        double[] base = ns[DispatchDesign.DIRECT_CALL.ordinal()];
        java.util.Random rnd = new java.util.Random(1);
        for (DispatchDesign d : ds) {
            double[] x = ns[d.ordinal()], ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) ratio[r] = x[r] / base[r];
            out.add(new DispatchScore.Raw(kind, d, calls, median(x), halfWidth(x, rnd), median(ratio), halfWidth(ratio, rnd)));
        }
        return out;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Half the width of the 99.9% bootstrap interval of the median (2,000 resamples). */
    static double halfWidth(double[] xs, java.util.Random rnd) {
        int b = 2000;
        double[] meds = new double[b], sample = new double[xs.length];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < xs.length; j++) sample[j] = xs[rnd.nextInt(xs.length)];
            meds[i] = median(sample);
        }
        java.util.Arrays.sort(meds);
        return (meds[b - 2] - meds[1]) / 2;
    }
}
