package io.kflab.bench;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.isa.PseudoSource;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.diff.GeneratedRun;
import io.kflab.sim.runtime.diff.RunProgramGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fixed programs of {@link RunBench} (kernel: what BPF_PROG_TEST_RUN is given): each with its
 * maps, named by placeholder fds in its ld_imm64 map operands, that each side swaps for its own.
 */
public final class RunPrograms {
    private RunPrograms() {}

    /** A map a program needs. */
    public record MapSpec(String name, MapType type, int keySize, int valueSize, int maxEntries, int placeholderFd) {}

    /** A program, its type, its maps and its test-run input (data for packet types). */
    public record BenchProgram(String name, ProgType type, Program program, List<MapSpec> maps, byte[] data) {
        /** The program with each placeholder fd replaced by {@code fds.get(placeholder)}. */
        public Program withMapFds(Map<Integer, Integer> fds) {
            List<Insn> out = new ArrayList<>(program.insns().size());
            for (Insn i : program.insns()) {
                if (i instanceof Insn.LoadImm64 l && l.source() == PseudoSource.MAP_FD && fds.containsKey(l.lo())) {
                    out.add(Insn.LoadImm64.pseudo(l.dst(), PseudoSource.MAP_FD, fds.get(l.lo()), 0));
                } else out.add(i);
            }
            return new Program(out);
        }
    }

    /** Seed of the generated programs (RunProgramGenerator, as {@code kflab run-diff} uses it). */
    public static final long SEED = 20_26;
    private static final int ARRAY_FD = 1001, HASH_FD = 1002, COUNTS_FD = 1003;

    /** The names {@link #get} takes. */
    public static final List<String> NAMES = List.of("count_by_proto", "gen_socket_filter", "gen_sched_cls", "gen_xdp");

    /**
     * {@code count_by_proto}: examples/asm/count_by_proto.s as sched_cls on a 64-byte IPv4/TCP frame;
     * {@code gen_<type>}: the {@code index}-th program of that type from RunProgramGenerator with {@link #SEED}.
     */
    public static BenchProgram get(String name, int index) {
        if (name.equals("count_by_proto")) {
            String text = resource("count_by_proto.s");
            Program p = new Assembler(SymbolTable.builder().mapFd("counts", COUNTS_FD).build()).program(text, "count_by_proto.s");
            byte[] frame = new byte[64];
            frame[12] = 0x08; // ethertype IPv4
            frame[14] = 0x45; // version 4, IHL 5
            frame[23] = 6;    // protocol TCP
            return new BenchProgram(name, ProgType.SCHED_CLS, p, List.of(new MapSpec("counts", MapType.ARRAY, 4, 8, 256, COUNTS_FD)), frame);
        }
        ProgType type = switch (name) {
            case "gen_socket_filter" -> ProgType.SOCKET_FILTER;
            case "gen_sched_cls" -> ProgType.SCHED_CLS;
            case "gen_xdp" -> ProgType.XDP;
            default -> throw new IllegalArgumentException("no bench program " + name + "; names: " + NAMES);
        };
        RunProgramGenerator gen = new RunProgramGenerator(new Random(SEED + type.ordinal()), ARRAY_FD, HASH_FD);
        GeneratedRun g = gen.generate(type);
        for (int i = 0; i < index; i++) g = gen.generate(type);
        return new BenchProgram(name + "#" + index, type, g.program(), List.of(
                new MapSpec("array", MapType.ARRAY, 4, 8, RunProgramGenerator.ARRAY_ENTRIES, ARRAY_FD),
                new MapSpec("hash", MapType.HASH, 4, 8, RunProgramGenerator.HASH_ENTRIES, HASH_FD)), g.data());
    }

    private static String resource(String file) {
        try (InputStream in = RunPrograms.class.getResourceAsStream("examples/" + file)) {
            if (in == null) throw new IllegalStateException("resource io/kflab/bench/examples/" + file + " missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
