package io.kflab.bench;

import io.kflab.bench.RunPrograms.BenchProgram;
import io.kflab.bench.RunPrograms.MapSpec;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.BpfException;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.ProgTestRun;
import io.kflab.bpf.sys.TestRunResult;
import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.Engine;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RunInput;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.interp.Interpreter;
import io.kflab.sim.runtime.maps.MapDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Program execution, the simulated kernel's BPF runtime against the running kernel (kernel:
 * BPF_PROG_TEST_RUN with {@code repeat}), on the same programs and input; target runtime/kernel ≤ 10
 * in time per run. Programs ({@link RunPrograms}): examples/asm/count_by_proto.s as sched_cls on an
 * IPv4/TCP frame, and the first RunProgramGenerator program (fixed seed) of each of socket_filter,
 * sched_cls and xdp that the kernel accepts and the runtime runs without a fault.
 *
 * <p>Both benchmarks score nanoseconds per run ({@link #REPEAT} runs per invocation):
 * <ul>
 *   <li>{@code kernel}: the program is loaded once (BPF_PROG_LOAD; JIT-compiled when
 *       net.core.bpf_jit_enable=1, which the setup prints); each invocation is one BPF_PROG_TEST_RUN
 *       of repeat {@link #REPEAT}. The primary score is that syscall's wall time divided by
 *       {@link #REPEAT}: it includes building the skb/xdp_buff once, copying data and ctx in and out
 *       and the syscall, amortised. The {@code kernelNs}/{@code kernelRuns} counters give the kernel's own
 *       {@code duration}: the mean time of the repeat loop per run (bpf_test_run's timer, which
 *       covers the program call plus the loop's rcu/migrate/resched bookkeeping, not the setup) —
 *       the figure the ratio uses.</li>
 *   <li>{@code runtime}: the program is loaded once into a BpfRuntime with the same maps; each
 *       invocation is one {@code Engine.run} with {@code RunInput(data, null, REPEAT)}: the context
 *       is built once (as the kernel builds its skb once) and the program executed {@link #REPEAT}
 *       times, map side effects accumulating as in the kernel. {@code engine} selects the engine
 *       ({@code interp}: {@link Interpreter}; {@code compiled}: the class-file engine).</li>
 * </ul>
 * {@code kflab bench RunBench} prints "run interp / kernel (time per run)" per program and their
 * geometric mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class RunBench {
    /** Runs per BPF_PROG_TEST_RUN / per Engine.run. */
    public static final int REPEAT = 1000;
    /** Generated candidates tried per type before giving up. */
    private static final int CANDIDATES = 50;

    @Param({"count_by_proto", "gen_socket_filter", "gen_sched_cls", "gen_xdp"})
    public String program;

    /** The chosen program: the first candidate the kernel accepts and the runtime runs (the same on both sides). */
    BenchProgram chosen;

    @Setup(Level.Trial)
    public void choose() {
        BpfCapability.require();
        for (int i = 0; i < CANDIDATES; i++) {
            BenchProgram p = RunPrograms.get(program, i);
            try (KernelSide k = KernelSide.load(p)) {
                if (k == null) continue;
            }
            try {
                new RuntimeSide(p, "interp").run();
            } catch (RuntimeFault f) {
                continue;
            }
            chosen = p;
            System.err.println("RunBench " + p.name() + ": " + p.program().insns().size() + " insns, " + p.type().cliName()
                    + ", net.core.bpf_jit_enable=" + jitEnable());
            return;
        }
        throw new IllegalStateException("no " + program + " program among " + CANDIDATES + " the kernel accepts and the runtime runs");
    }

    private static String jitEnable() {
        try {
            return Files.readString(Path.of("/proc/sys/net/core/bpf_jit_enable")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The kernel side: maps created and the program loaded once per trial. */
    @State(Scope.Benchmark)
    public static class Kernel {
        KernelSide side;

        @Setup(Level.Trial)
        public void load(RunBench b) {
            side = KernelSide.load(b.chosen);
            if (side == null) throw new IllegalStateException("the kernel rejected " + b.chosen.name() + " now");
        }

        @TearDown(Level.Trial)
        public void close() {
            side.close();
        }
    }

    /** The runtime side, per engine. */
    @State(Scope.Benchmark)
    public static class Runtime {
        @Param({"interp", "compiled"})
        public String engine;

        RuntimeSide side;

        @Setup(Level.Trial)
        public void load(RunBench b) {
            side = new RuntimeSide(b.chosen, engine);
        }
    }

    /**
     * The kernel's own timing (TestRunResult.duration, the mean ns per run of one test run): JMH sums
     * EVENTS counters over iterations, so the counters are totals — {@code kernelNs} (duration times
     * runs) and {@code kernelRuns} — and the kernel's ns per run is their quotient
     * ({@code kflab bench} prints it as {@code RunBench.kernel:kernelNsPerRun}).
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class KernelNs {
        public long kernelNs;
        public long kernelRuns;

        @Setup(Level.Iteration)
        public void reset() {
            kernelNs = 0;
            kernelRuns = 0;
        }

        void add(int durationNs) {
            kernelNs += (long) durationNs * REPEAT;
            kernelRuns += REPEAT;
        }
    }

    @Benchmark
    @OperationsPerInvocation(REPEAT)
    public int kernel(Kernel k, KernelNs ns) {
        TestRunResult r = k.side.run.run();
        ns.add(r.duration());
        return r.retval();
    }

    @Benchmark
    @OperationsPerInvocation(REPEAT)
    public long runtime(Runtime rt) {
        return rt.side.run();
    }

    /** A loaded program with its maps and a prepared BPF_PROG_TEST_RUN of repeat {@link #REPEAT}. */
    static final class KernelSide implements AutoCloseable {
        final List<MapFd> maps = new ArrayList<>();
        LoadResult loaded;
        ProgTestRun run;

        /** Null when the kernel rejects the program (or a map). */
        static KernelSide load(BenchProgram p) {
            KernelSide k = new KernelSide();
            try {
                Map<Integer, Integer> fds = new HashMap<>();
                for (MapSpec m : p.maps()) {
                    MapFd fd = Bpf.mapCreate(m.type(), m.keySize(), m.valueSize(), m.maxEntries()).mapName(m.name()).create();
                    k.maps.add(fd);
                    fds.put(m.placeholderFd(), fd.fd());
                }
                k.loaded = Bpf.progLoad(p.type(), p.withMapFds(fds).encode()).load();
                if (!k.loaded.accepted()) {
                    k.close();
                    return null;
                }
                k.run = k.loaded.fdOrThrow().testRun().dataIn(p.data()).repeat(REPEAT);
                k.run.run(); // a test run that fails (EINVAL...) rejects the candidate too
                return k;
            } catch (BpfException e) {
                k.close();
                return null;
            }
        }

        @Override
        public void close() {
            if (loaded != null) loaded.close();
            maps.forEach(MapFd::close);
        }
    }

    /** A program loaded into a fresh BpfRuntime with the same maps, and its input of repeat {@link #REPEAT}. */
    static final class RuntimeSide {
        final LoadedProgram loaded;
        final Engine engine;
        final RunInput input;

        RuntimeSide(BenchProgram p, String engineName) {
            BpfRuntime rt = new BpfRuntime();
            Map<Integer, Integer> fds = new HashMap<>();
            for (MapSpec m : p.maps()) fds.put(m.placeholderFd(), rt.createMap(MapDef.of(m.name(), m.type(), m.keySize(), m.valueSize(), m.maxEntries())));
            loaded = rt.load(p.withMapFds(fds), p.type());
            engine = switch (engineName) {
                case "interp" -> new Interpreter(rt);
                case "compiled" -> new io.kflab.sim.runtime.compiled.CompiledEngine(rt);
                default -> throw new IllegalArgumentException("no engine " + engineName + "; engines: interp, compiled");
            };
            input = new RunInput(p.data(), null, REPEAT);
        }

        long run() {
            return engine.run(loaded, input).retval32();
        }
    }
}
