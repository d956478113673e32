package io.kflab.verifier.stats;

import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.verifier.check.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * veristat for two verifiers: every subject verified {@code reps} times by the running kernel
 * (time from BPF_LOG_STATS' "verification time" line) and by the model (time measured around
 * {@code Verifier.verify} at log level 0, after warm-up), with insns and states from each side's
 * final "processed" line.
 */
public final class VeriStat {
    private VeriStat() {}

    /** Log level with only the statistics (kernel: BPF_LOG_STATS). */
    static final int LOG_STATS = 4;

    public static List<Comparison> compare(List<Subject> subjects, int reps, Progress progress) {
        BpfCapability.require();
        if (reps < 1) throw new IllegalArgumentException("reps must be >= 1");
        List<Comparison> out = new ArrayList<>(subjects.size());
        for (Subject s : subjects) {
            try (Prepared p = new Prepared(s)) {
                out.add(new Comparison(s.name(), kernel(p, reps), model(p, reps)));
            }
            progress.step();
        }
        return out;
    }

    private static VerifierStats kernel(Prepared p, int reps) {
        double[] times = new double[reps];
        LoadResult last = null;
        for (int i = 0; i < reps; i++) {
            last = p.loadOnKernel(LOG_STATS);
            times[i] = VerifierStats.timeUs(last.log()).orElse(Double.NaN);
        }
        int[] pr = VerifierStats.processed(last.log());
        return new VerifierStats(last.accepted(), last.accepted() ? "" : last.errno().name(), median(times), pr[0], pr[1], pr[2]);
    }

    private static VerifierStats model(Prepared p, int reps) {
        Verdict withLog = p.verifyOnModel(1);
        int[] pr = VerifierStats.processed(withLog.log());
        for (int i = 0; i < Math.min(reps, 3); i++) p.verifyOnModel(0); // warm-up
        double[] times = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            p.verifyOnModel(0);
            times[i] = (System.nanoTime() - t0) / 1000.0;
        }
        return new VerifierStats(withLog.accepted(), withLog.accepted() ? "" : withLog.errno(), median(times),
                withLog.insnsProcessed(), pr[1], pr[2]);
    }

    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
