package io.kflab.sim.runtime.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.Program;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.Engine;
import io.kflab.sim.runtime.RunInput;
import io.kflab.sim.runtime.RunResult;
import io.kflab.sim.runtime.RuntimeConfig;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.diff.GeneratedRun;
import io.kflab.sim.runtime.diff.RunProgramGenerator;
import io.kflab.sim.runtime.interp.Interpreter;
import io.kflab.sim.runtime.interp.InterpreterProperties;
import io.kflab.sim.runtime.maps.MapDef;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The compiled engine against the interpreter: the same results, maps, trace output, instruction counts and faults. */
class CompiledVsInterpreterTest {
    /** Everything a run leaves behind that the two engines must agree on. */
    record Outcome(String result, List<String> maps, List<String> trace) {}

    static Outcome outcome(RuntimeConfig cfg, Program p, ProgType type, byte[] data, byte[] ctx, Function<BpfRuntime, Engine> engine) {
        BpfRuntime rt = new BpfRuntime(cfg);
        int a = rt.createMap(MapDef.of("array", MapType.ARRAY, 4, 8, RunProgramGenerator.ARRAY_ENTRIES));
        int h = rt.createMap(MapDef.of("hash", MapType.HASH, 4, 8, RunProgramGenerator.HASH_ENTRIES));
        assertThat(List.of(a, h)).containsExactly(3, 4);
        String result;
        try {
            Engine e = engine.apply(rt);
            var lp = rt.load(p, type);
            if (e instanceof CompiledEngine ce) {
                assertThat(ce.compiled(lp)).as("compiles").isPresent();
                assertThat(ce.compiled(lp).get().methods()).isPositive();
            }
            RunResult r = e.run(lp, new RunInput(data, ctx, 1));
            result = "r0=" + r.retval() + " executed=" + r.insnsExecuted() + " data=" + HexFormat.of().formatHex(r.dataOut())
                    + " ctx=" + HexFormat.of().formatHex(r.ctxOut());
        } catch (RuntimeFault f) {
            result = "fault at " + f.insn() + ": " + f.reason();
        }
        return new Outcome(result, List.of(rt.map(a).dump().toString(), rt.map(h).dump().toString()), List.copyOf(rt.tracePipe()));
    }

    static void assertSame(RuntimeConfig cfg, Program p, ProgType type, byte[] data, byte[] ctx) {
        Outcome i = outcome(cfg, p, type, data, ctx, Interpreter::new);
        Outcome c = outcome(cfg, p, type, data, ctx, CompiledEngine::new);
        assertThat(c).as("compiled vs interpreted\n%s", p).isEqualTo(i);
    }

    @Property(tries = 300)
    void generatedProgramsRunAsInTheInterpreter(@ForAll long seed) {
        GeneratedRun g = new RunProgramGenerator(new Random(seed), 3, 4).generate(RunProgramGenerator.TYPES.get((int) Math.floorMod(seed, 4)));
        assertSame(RuntimeConfig.defaults(), g.program(), g.type(), g.data(), g.ctx());
    }

    @Property(tries = 1000)
    void arbitraryProgramsRunAndFaultAsInTheInterpreter(@ForAll("rawPrograms") List<Long> words, @ForAll boolean xdp) {
        Program p = InterpreterProperties.decodeValid(words);
        assertSame(RuntimeConfig.defaults().withInsnLimit(10_000), p, xdp ? ProgType.XDP : ProgType.SOCKET_FILTER, new byte[64], null);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Long>> rawPrograms() {
        return new InterpreterProperties().rawPrograms();
    }
}
