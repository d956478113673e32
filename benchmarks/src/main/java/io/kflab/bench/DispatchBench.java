package io.kflab.bench;

import io.kflab.bench.dispatch.DispatchOps;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * The dispatch mechanism alone: one ops.dispatch calling scx_bpf_dsq_insert {@code calls} times
 * under each design ({@link io.kflab.bench.dispatch.DsqInsertPaths}), in ns per op; divide by
 * {@code calls} for ns per kfunc call ({@code kflab bench Dispatch} and DispatchReport do). Target:
 * POLYMORPHIC and LOAD_FILTER within 1.05x of directCall; RUNTIME_MASK's extra cost measured with
 * error below 5%.
 *
 * <p>How this relates to the kernel: the model does the same accesses the 6.12 kernel does (a
 * read-or-write of kf_mask before the op, a write after, a load-and-test of kf_mask and a load of
 * direct_dispatch_task per call) with the JIT forced to keep each access and each kfunc call; the
 * kernel's accesses go through {@code current} and per-CPU offsets and its scx_kf_allowed has two
 * more tests on the same word, so the kernel's extra cost is of the same kind, not the same ns.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
public class DispatchBench {
    @Param({"1", "32"})
    public int calls;

    private DispatchOps ops;

    @Setup
    public void setup() {
        ops = new DispatchOps(calls);
    }

    @TearDown
    public void check() {
        if (ops.errors() != 0) throw new IllegalStateException("a legal call failed its run-time check: " + ops.errors());
    }

    @Benchmark
    public long directCall() {
        return ops.directCall();
    }

    @Benchmark
    public long runtimeMask() {
        return ops.runtimeMask();
    }

    @Benchmark
    public long loadFilter() {
        return ops.loadFilter();
    }

    @Benchmark
    public long polymorphic() {
        return ops.polymorphic();
    }
}
