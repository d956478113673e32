package io.kflab.sim.runtime.diff;

import io.kflab.bpf.asm.AsmPrinter;
import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.isa.PseudoSource;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.BpfException;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgLoad;
import io.kflab.bpf.sys.ProgTestRun;
import io.kflab.bpf.sys.ProgType;
import io.kflab.bpf.sys.TestRunResult;
import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RunInput;
import io.kflab.sim.runtime.RunResult;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.interp.Interpreter;
import io.kflab.sim.runtime.Engine;
import java.util.Map;
import java.util.function.Function;
import io.kflab.sim.runtime.maps.MapDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Generated programs run by BPF_PROG_TEST_RUN and by the runtime on the same input: the return value,
 * data out and the contents of both maps must be identical. Each difference is written as an assembly
 * reproducer that {@code kflab run} and {@code kflab kernel run} both take.
 */
public final class RunDifferential {
    private RunDifferential() {}

    private static final int REJECTION_SAMPLES = 5;
    private static final HexFormat HEX = HexFormat.of();

    /** What one side produced: a result or a fault. */
    record Outcome(long retval, String dataOut, SortedMap<String, String> array, SortedMap<String, String> hash, String fault) {
        @Override
        public String toString() {
            return fault != null ? "fault: " + fault : "retval=" + retval + " dataOut=" + dataOut + " array=" + array + " hash=" + hash;
        }
    }

    /**
     * Runs {@code programs} generated programs with {@code seed}, cycling through {@code types}.
     *
     * @param reproDir where reproducers go, or null for none
     */
    public static RunDiffReport run(int programs, long seed, List<ProgType> types, Path reproDir, Progress progress) {
        return run(programs, seed, types, reproDir, progress, Map.of("interp", Interpreter::new));
    }

    /** The same with every engine of {@code engines} (by name): a program agrees when every engine's outcome is the kernel's. */
    public static RunDiffReport run(int programs, long seed, List<ProgType> types, Path reproDir, Progress progress,
            Map<String, Function<BpfRuntime, Engine>> engines) {
        BpfCapability.require();
        try (MapFd array = Bpf.mapCreate(MapType.ARRAY, 4, 8, RunProgramGenerator.ARRAY_ENTRIES).mapName("array").create();
             MapFd hash = Bpf.mapCreate(MapType.HASH, 4, 8, RunProgramGenerator.HASH_ENTRIES).mapName("hash").create()) {
            Random rnd = new Random(new java.util.SplittableRandom(seed).nextLong());
            RunProgramGenerator gen = new RunProgramGenerator(rnd, array.fd(), hash.fd());
            int same = 0, different = 0, rejected = 0, faults = 0;
            List<String> repro = new ArrayList<>(), rejections = new ArrayList<>();
            for (int n = 0; n < programs; n++) {
                GeneratedRun g = gen.generate(types.get(n % types.size()));
                Optional<Outcome> k = kernel(g, array, hash, rejections);
                if (k.isEmpty()) rejected++;
                else {
                    Outcome s = null;
                    for (var e : engines.values()) {
                        s = sim(g, array.fd(), hash.fd(), e);
                        if (!s.equals(k.get())) break;
                    }
                    if (s.equals(k.get())) same++;
                    else {
                        different++;
                        if (s.fault() != null) faults++;
                        if (reproDir != null) repro.add(write(reproDir, n, g, array.fd(), hash.fd(), k.get(), s));
                    }
                }
                progress.step();
            }
            return new RunDiffReport(programs, same, different, rejected, faults, repro, rejections);
        }
    }

    private static Optional<Outcome> kernel(GeneratedRun g, MapFd array, MapFd hash, List<String> rejections) {
        reset(array, hash);
        ProgLoad load = Bpf.progLoad(g.type(), g.program().encode()).logLevel(rejections.size() < REJECTION_SAMPLES ? 1 : 0);
        if (g.type() == ProgType.SYSCALL) load.progFlags(ProgLoad.BPF_F_SLEEPABLE);
        try (LoadResult lr = load.load()) {
            if (!lr.accepted()) {
                if (rejections.size() < REJECTION_SAMPLES) {
                    String log = lr.log().strip();
                    rejections.add(g.type().cliName() + ": " + log.substring(Math.max(0, log.lastIndexOf('\n', log.length() - 2) - 200)));
                }
                return Optional.empty();
            }
            ProgTestRun run = lr.fdOrThrow().testRun();
            if (g.data() != null) run.dataIn(g.data());
            if (g.ctx() != null) run.ctxIn(g.ctx());
            TestRunResult t;
            try {
                t = run.run();
            } catch (BpfException e) {
                return Optional.of(new Outcome(0, "", new TreeMap<>(), new TreeMap<>(), "test run failed: " + e.getMessage()));
            }
            String data = g.type() == ProgType.SYSCALL ? "" : HEX.formatHex(t.dataOut());
            return Optional.of(new Outcome(t.retval() & 0xffff_ffffL, data, dump(array), dump(hash), null));
        }
    }

    private static void reset(MapFd array, MapFd hash) {
        byte[] zero = new byte[8];
        for (int i = 0; i < RunProgramGenerator.ARRAY_ENTRIES; i++) array.updateElem(key(i), zero);
        for (Optional<byte[]> k = hash.getNextKey(null); k.isPresent(); k = hash.getNextKey(null)) hash.deleteElem(k.get());
    }

    private static byte[] key(int i) {
        return new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16), (byte) (i >> 24)};
    }

    private static SortedMap<String, String> dump(MapFd m) {
        SortedMap<String, String> out = new TreeMap<>();
        Optional<byte[]> k = m.getNextKey(null);
        while (k.isPresent()) {
            byte[] key = k.get();
            m.find(key).ifPresent(v -> out.put(HEX.formatHex(key), HEX.formatHex(v)));
            k = m.getNextKey(key);
        }
        return out;
    }

    /** The runtime's outcome, with the kernel's map fds in ld_imm64 mapped to the runtime's. */
    static Outcome sim(GeneratedRun g, int kernelArrayFd, int kernelHashFd, Function<BpfRuntime, Engine> engine) {
        BpfRuntime rt = new BpfRuntime();
        int a = rt.createMap(MapDef.of("array", MapType.ARRAY, 4, 8, RunProgramGenerator.ARRAY_ENTRIES));
        int h = rt.createMap(MapDef.of("hash", MapType.HASH, 4, 8, RunProgramGenerator.HASH_ENTRIES));
        Program p = remap(g.program(), kernelArrayFd, a, kernelHashFd, h);
        LoadedProgram lp = rt.load(p, g.type());
        try {
            RunResult r = engine.apply(rt).run(lp, new RunInput(g.data(), g.ctx(), 1));
            String data = g.type() == ProgType.SYSCALL ? "" : HEX.formatHex(r.dataOut());
            return new Outcome(r.retval32(), data, rt.map(a).dump(), rt.map(h).dump(), null);
        } catch (RuntimeFault f) {
            return new Outcome(0, "", new TreeMap<>(), new TreeMap<>(), f.getMessage());
        }
    }

    static Program remap(Program p, int fromA, int toA, int fromH, int toH) {
        List<Insn> out = new ArrayList<>(p.insns().size());
        for (Insn i : p.insns()) {
            if (i instanceof Insn.LoadImm64 l && l.source() == PseudoSource.MAP_FD) {
                int fd = l.lo() == fromA ? toA : l.lo() == fromH ? toH : l.lo();
                out.add(Insn.LoadImm64.pseudo(l.dst(), PseudoSource.MAP_FD, fd, 0));
            } else out.add(i);
        }
        return new Program(out);
    }

    /** The program as assembly whose map operands are %[array] and %[hash]. */
    public static String assembly(Program p, int arrayFd, int hashFd) {
        return AsmPrinter.builtin().print(p)
                .replace("map_fd(" + arrayFd + ") ll", "%[array] ll")
                .replace("map_fd(" + hashFd + ") ll", "%[hash] ll");
    }

    private static String write(Path dir, int n, GeneratedRun g, int arrayFd, int hashFd, Outcome k, Outcome s) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format("run-difference-%05d.s", n));
            String input = g.data() != null ? "--data " + HEX.formatHex(g.data()) : "--ctx " + HEX.formatHex(g.ctx());
            String maps = "--map array=array:4:8:" + RunProgramGenerator.ARRAY_ENTRIES + " --map hash=hash:4:8:" + RunProgramGenerator.HASH_ENTRIES;
            StringBuilder sb = new StringBuilder();
            sb.append("// kernel:  ").append(k).append('\n');
            sb.append("// runtime: ").append(s).append('\n');
            sb.append("// rerun: kflab run FILE --type ").append(g.type().cliName()).append(' ').append(input).append(' ').append(maps).append(" --json\n");
            sb.append("//   and: kflab kernel run FILE --type ").append(g.type().cliName())
                    .append(g.type() == ProgType.SYSCALL ? " --sleepable " : " ").append(input).append(' ').append(maps).append(" --json\n");
            sb.append(assembly(g.program(), arrayFd, hashFd));
            Files.writeString(file, sb.toString());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean sameBytes(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
