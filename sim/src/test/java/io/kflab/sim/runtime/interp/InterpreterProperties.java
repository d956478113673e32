package io.kflab.sim.runtime.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.InsnCodec;
import io.kflab.bpf.isa.InvalidInsnException;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.RunInput;
import io.kflab.sim.runtime.RunResult;
import io.kflab.sim.runtime.RuntimeConfig;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.diff.GeneratedRun;
import io.kflab.sim.runtime.diff.RunProgramGenerator;
import io.kflab.sim.runtime.maps.MapDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The interpreter on arbitrary and on generated programs: faults are the only failure, and runs are deterministic. */
public class InterpreterProperties {
    /** Random valid instructions, biased toward the interesting opcodes by picking raw opcode bytes. */
    @Provide
    public Arbitrary<List<Long>> rawPrograms() {
        return Arbitraries.longs().list().ofMinSize(1).ofMaxSize(40);
    }

    public static Program decodeValid(List<Long> words) {
        List<Insn> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            RawInsn raw = RawInsn.ofLong(words.get(i));
            // steer toward real opcodes: keep the low 3 class bits, pick opcode upper bits from the word
            try {
                Insn insn = InsnCodec.decode(raw, i + 1 < words.size() ? RawInsn.ofLong(words.get(i + 1)) : null);
                out.add(insn);
                i += insn.slots() - 1;
            } catch (InvalidInsnException | IllegalArgumentException e) {
                // not an instruction: skip the word
            }
        }
        out.add(new Insn.Exit());
        return new Program(out);
    }

    private static BpfRuntime runtime() {
        BpfRuntime rt = new BpfRuntime(RuntimeConfig.defaults().withInsnLimit(10_000));
        rt.createMap(MapDef.of("a", MapType.ARRAY, 4, 8, 4));
        rt.createMap(MapDef.of("h", MapType.HASH, 4, 8, 4));
        return rt;
    }

    @Property(tries = 2000)
    void arbitraryProgramsOnlyEverFault(@ForAll("rawPrograms") List<Long> words, @ForAll boolean xdp) {
        Program p = decodeValid(words);
        BpfRuntime rt = runtime();
        var lp = rt.load(p, xdp ? ProgType.XDP : ProgType.SOCKET_FILTER);
        try {
            RunResult r = new Interpreter(rt).run(lp, RunInput.of(new byte[64]));
            assertThat(r.insnsExecuted()).isPositive();
        } catch (RuntimeFault f) {
            assertThat(f.insn()).isBetween(-1, p.slotCount());
        }
    }

    @Property(tries = 300)
    void generatedProgramsRunDeterministicallyWithoutFaults(@ForAll long seed) {
        GeneratedRun g = new RunProgramGenerator(new Random(seed), 3, 4).generate(RunProgramGenerator.TYPES.get((int) Math.floorMod(seed, 4)));
        RunResult a = runGenerated(g), b = runGenerated(g);
        assertThat(a.retval()).isEqualTo(b.retval());
        assertThat(a.dataOut()).isEqualTo(b.dataOut());
        assertThat(a.insnsExecuted()).isEqualTo(b.insnsExecuted());
    }

    private static RunResult runGenerated(GeneratedRun g) {
        BpfRuntime rt = new BpfRuntime();
        assertThat(rt.createMap(MapDef.of("array", MapType.ARRAY, 4, 8, RunProgramGenerator.ARRAY_ENTRIES))).isEqualTo(3);
        assertThat(rt.createMap(MapDef.of("hash", MapType.HASH, 4, 8, RunProgramGenerator.HASH_ENTRIES))).isEqualTo(4);
        return new Interpreter(rt).run(rt.load(g.program(), g.type()), new RunInput(g.data(), g.ctx(), 1));
    }
}
