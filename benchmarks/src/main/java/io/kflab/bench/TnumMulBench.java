package io.kflab.bench;

import io.kflab.verifier.tnum.Tnum;
import io.kflab.verifier.tnum.TnumMulHistory;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The three kernel tnum multiplications on random 64-bit tnums, in ns per multiplication (CGO'22
 * claims its our_mul is ~33% faster than the pre-2021 kernel one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(TnumMulBench.N)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class TnumMulBench {
    static final int N = 1024;
    private final Tnum[] a = new Tnum[N];
    private final Tnum[] b = new Tnum[N];

    /** Uniform over all 3^64 tnums (each bit 0, 1 or unknown alike), as the CGO'22 performance experiment draws them. */
    @Setup
    public void operands() {
        SplittableRandom rnd = new SplittableRandom(2022);
        for (int i = 0; i < N; i++) {
            a[i] = random(rnd);
            b[i] = random(rnd);
        }
    }

    private static Tnum random(SplittableRandom rnd) {
        long value = 0;
        long mask = 0;
        for (int bit = 0; bit < 64; bit++) {
            int trit = rnd.nextInt(3);
            if (trit == 1) value |= 1L << bit;
            else if (trit == 2) mask |= 1L << bit;
        }
        return new Tnum(value, mask);
    }

    /** Linux 6.18 (commit 1df7dad4d5c4). */
    @Benchmark
    public void mul618(Blackhole bh) {
        for (int i = 0; i < N; i++) bh.consume(Tnum.mul(a[i], b[i]));
    }

    /** CGO'22 our_mul (kernel 2021-6.17). */
    @Benchmark
    public void mulCgo22(Blackhole bh) {
        for (int i = 0; i < N; i++) bh.consume(TnumMulHistory.cgo22(a[i], b[i]));
    }

    /** The kernel's multiplication before 2021 (kern_mul). */
    @Benchmark
    public void mulBefore2021(Blackhole bh) {
        for (int i = 0; i < N; i++) bh.consume(TnumMulHistory.beforeCgo22(a[i], b[i]));
    }

}
