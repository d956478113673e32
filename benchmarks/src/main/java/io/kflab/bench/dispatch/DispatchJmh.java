package io.kflab.bench.dispatch;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs DispatchBench and DispatchLoopBench under JMH (one fork) and reports them. */
public final class DispatchJmh {
    private DispatchJmh() {}

    /**
     * Several forks and many short iterations: identical code measured in two forks can differ by
     * more than the in-fork error (JIT decisions, code layout, the host), so the error must include
     * fork-to-fork spread; and the error JMH reports is a 99.9% Student-t half-width, so 3
     * iterations multiply the spread by 31.6 and 24 by 3.8.
     *
     * @param quick 1 fork of 3x200 ms warm-up and 8x300 ms measurement iterations (else 3 forks of 5x200 ms and 8x400 ms)
     */
    public static DispatchReport run(boolean quick) throws RunnerException {
        int f = quick ? 1 : 3, w = quick ? 3 : 5, m = 8, ms = quick ? 300 : 400;
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include("io\\.kflab\\.bench\\.Dispatch(Loop)?Bench\\..*")
                .forks(f).warmupIterations(w).warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(m).measurementTime(TimeValue.milliseconds(ms))
                .verbosity(VerboseMode.SILENT).shouldFailOnError(true).build()).run();
        return DispatchReport.of("JMH 1.37, " + f + " fork" + (f == 1 ? "" : "s") + " per benchmark, " + w + "x200 ms warm-up, " + m + "x" + ms + " ms measurement, AverageTime", DispatchReport.fromJmh(runs));
    }
}
