package io.kflab.bench.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A short in-process measurement of the same ops the JMH benchmarks run, for CI and quick paper
 * runs: no fork, the designs interleaved round by round so drift hits all alike, error as JMH
 * states it (99.9% confidence half-width over the rounds). The JIT may inline the kfunc bodies here
 * (JMH forbids it), so absolute ns are lower than JMH's and only JMH's figures are the benchmark's.
 */
public final class DispatchQuick {
    private DispatchQuick() {}

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
        // calibrate: ops per round from a warm-up of each design
        long sink = 0;
        int batch = 1;
        for (DispatchDesign d : ds) {
            long t0 = System.nanoTime(), n = 0;
            while (System.nanoTime() - t0 < roundMs * 2_000_000L) {
                sink += op.applyAsLong(d);
                n++;
            }
            batch = (int) Math.max(batch, Math.min(Integer.MAX_VALUE, n / 2));
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
        double t = new TDistribution(rounds - 1).inverseCumulativeProbability(0.9995);
        for (DispatchDesign d : ds) {
            double mean = 0, var = 0;
            for (double x : ns[d.ordinal()]) mean += x / rounds;
            for (double x : ns[d.ordinal()]) var += (x - mean) * (x - mean) / (rounds - 1);
            out.add(new DispatchScore.Raw(kind, d, calls, mean, t * Math.sqrt(var / rounds)));
        }
        return out;
    }
}
