package io.kflab.sim.runtime.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.RuntimeConfig;
import io.kflab.sim.runtime.Sim;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Programs too large for one JVM method, and instruction limits that end a run inside a basic block. */
class CompiledEngineTest {
    /** A loop over a long straight line: 3,000 ALU instructions, jumps that cross chunk methods. */
    private static String big() {
        StringBuilder sb = new StringBuilder("r0 = 0\nr1 = 5\nl:\n");
        for (int i = 0; i < 3000; i++) sb.append(i % 3 == 0 ? "r0 += r1\n" : i % 3 == 1 ? "w0 ^= 0x55\n" : "if r0 == 7 goto l2\n");
        return sb.append("l2:\nr1 += -1\nif r1 != 0 goto l\nexit\n").toString();
    }

    @Test
    void largeProgramsAreSplitAcrossMethods() {
        Sim s = new Sim();
        var lp = s.load(big(), ProgType.SYSCALL);
        Compiled c = new CompiledEngine(s.rt).compiled(lp).orElseThrow();
        assertThat(c.methods()).isGreaterThan(5);
        var interp = new Sim().run(big(), ProgType.SYSCALL, null, null);
        var compiled = new Sim().engine(CompiledEngine::new).run(big(), ProgType.SYSCALL, null, null);
        assertThat(compiled.retval()).isEqualTo(interp.retval());
        assertThat(compiled.insnsExecuted()).isEqualTo(interp.insnsExecuted()).isGreaterThan(5 * 3000);
    }

    @Property(tries = 60)
    void instructionLimitsEndRunsAtTheSameInstruction(@ForAll @LongRange(min = 1, max = 60) long limit) {
        String asm = "r0 = 0\nr1 = 9\nl:\nr0 += r1\nr0 *= 3\n*(u64 *)(r10 - 8) = r0\nr1 += -1\nif r1 != 0 goto l\nexit";
        RuntimeConfig cfg = RuntimeConfig.defaults().withInsnLimit(limit);
        assertThat(outcome(new Sim(cfg).engine(CompiledEngine::new), asm)).isEqualTo(outcome(new Sim(cfg), asm));
    }

    private static String outcome(Sim s, String asm) {
        try {
            var r = s.run(asm, ProgType.SYSCALL, null, null);
            return r.retval() + "/" + r.insnsExecuted();
        } catch (io.kflab.sim.runtime.RuntimeFault f) {
            return f.getMessage();
        }
    }
}
