package io.kflab.bench;

import io.kflab.bench.dispatch.DispatchDesign;
import io.kflab.bench.dispatch.DispatchLoop;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * End to end in kflab's BPF runtime: a dispatch-loop BPF program calling scx_bpf_dsq_insert 32
 * times per run, resolved and run under each design ({@link DispatchLoop}), in ns per run; divide by
 * 32 for ns per kfunc call. The interpreter's per-call cost dilutes the mechanism's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
public class DispatchLoopBench {
    /** Kfunc calls per run of the program. */
    public static final int CALLS = 32;

    @Param({"DIRECT_CALL", "RUNTIME_MASK", "LOAD_FILTER", "POLYMORPHIC"})
    public DispatchDesign design;

    private DispatchLoop loop;

    @Setup
    public void setup() {
        loop = new DispatchLoop(design, CALLS);
    }

    @TearDown
    public void check() {
        if (loop.errors() != 0) throw new IllegalStateException("a legal call failed its run-time check: " + loop.errors());
    }

    @Benchmark
    public long bpfDispatchLoop() {
        return loop.runOnce();
    }
}
