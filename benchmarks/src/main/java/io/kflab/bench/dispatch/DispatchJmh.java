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
     * Many short iterations rather than a few long ones: the error JMH reports is a 99.9% Student-t
     * half-width, so 3 iterations multiply the spread by 31.6 and 15 by 4.1.
     *
     * @param quick 3x200 ms warm-up and 8x300 ms measurement iterations (else 5x200 ms and 15x400 ms)
     */
    public static DispatchReport run(boolean quick) throws RunnerException {
        int w = quick ? 3 : 5, m = quick ? 8 : 15, ms = quick ? 300 : 400;
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include("io\\.kflab\\.bench\\.Dispatch(Loop)?Bench\\..*")
                .forks(1).warmupIterations(w).warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(m).measurementTime(TimeValue.milliseconds(ms))
                .verbosity(VerboseMode.SILENT).shouldFailOnError(true).build()).run();
        return DispatchReport.of("JMH 1.37, 1 fork, " + w + "x200 ms warm-up, " + m + "x" + ms + " ms measurement, AverageTime", DispatchReport.fromJmh(runs));
    }
}
