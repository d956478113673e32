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

    /** @param quick 1 warm-up and 3 measurement iterations of 1 s (else 3 and 5) */
    public static DispatchReport run(boolean quick) throws RunnerException {
        int w = quick ? 1 : 3, m = quick ? 3 : 5;
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include("io\\.kflab\\.bench\\.Dispatch(Loop)?Bench\\..*")
                .forks(1).warmupIterations(w).warmupTime(TimeValue.seconds(1))
                .measurementIterations(m).measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT).shouldFailOnError(true).build()).run();
        return DispatchReport.of("JMH 1.37, 1 fork, " + w + "x1 s warm-up, " + m + "x1 s measurement, AverageTime", DispatchReport.fromJmh(runs));
    }
}
