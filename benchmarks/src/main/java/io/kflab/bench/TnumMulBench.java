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
    private final long[] out = new long[2];

    /** Uniform over all 3^64 tnums (each bit 0, 1 or unknown alike), as the CGO'22 performance experiment draws them. */
    @Setup
    public void operands() {
        SplittableRandom rnd = new SplittableRandom(2022);
        for (int i = 0; i < N; i++) {
            a[i] = random(rnd);
            b[i] = random(rnd);
        }
        for (int i = 0; i < N; i++) {
            same(Tnum.mul(a[i], b[i]), 0, i);
            same(TnumMulHistory.cgo22(a[i], b[i]), 1, i);
            same(TnumMulHistory.beforeCgo22(a[i], b[i]), 2, i);
        }
    }

    private void same(Tnum model, int which, int i) {
        long av = a[i].value(), am = a[i].mask(), bv = b[i].value(), bm = b[i].mask();
        switch (which) {
            case 0 -> PrimitiveTnumMul.mul618(av, am, bv, bm, out);
            case 1 -> PrimitiveTnumMul.mulCgo22(av, am, bv, bm, out);
            default -> PrimitiveTnumMul.mulBefore2021(av, am, bv, bm, out);
        }
        if (!PrimitiveTnumMul.check(out).equals(model)) {
            throw new IllegalStateException("primitive mul #" + which + " differs from the model on " + a[i] + " x " + b[i]);
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

    /** 6.18, over primitive longs (no object per step). */
    @Benchmark
    public void primitiveMul618(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            PrimitiveTnumMul.mul618(a[i].value(), a[i].mask(), b[i].value(), b[i].mask(), out);
            bh.consume(out[0]);
            bh.consume(out[1]);
        }
    }

    /** CGO'22, over primitive longs. */
    @Benchmark
    public void primitiveMulCgo22(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            PrimitiveTnumMul.mulCgo22(a[i].value(), a[i].mask(), b[i].value(), b[i].mask(), out);
            bh.consume(out[0]);
            bh.consume(out[1]);
        }
    }

    /** Before 2021, over primitive longs. */
    @Benchmark
    public void primitiveMulBefore2021(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            PrimitiveTnumMul.mulBefore2021(a[i].value(), a[i].mask(), b[i].value(), b[i].mask(), out);
            bh.consume(out[0]);
            bh.consume(out[1]);
        }
    }
}
