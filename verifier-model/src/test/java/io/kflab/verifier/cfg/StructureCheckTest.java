package io.kflab.verifier.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.isa.RawInsn;
import java.util.List;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

class StructureCheckTest {
    private static List<RawInsn> asm(String text) {
        return Assembler.builtin().assemble(text, "t.s").slots();
    }

    private static Rejection rejected(String text, boolean capable) {
        return ((StructureCheck.Rejected) StructureCheck.check(asm(text), capable)).rejection();
    }

    @Test
    void boundedLoopsNeedCapBpf() {
        String loop = "r0 = 0\nl: r0 += 1\nif r0 < 10 goto l\nexit";
        assertThat(StructureCheck.check(asm(loop), true)).isInstanceOf(StructureCheck.Ok.class);
        assertThat(rejected(loop, false)).isEqualTo(new Rejection("EINVAL", "back-edge from insn 2 to 1"));
    }

    @Test
    void subprogramsAndTheirBoundaries() {
        StructureCheck.Result ok = StructureCheck.check(asm("call f\nexit\nf: r0 = 0\nexit"), true);
        assertThat(((StructureCheck.Ok) ok).structure().subprogStarts()).containsExactly(0, 2);
        assertThat(rejected("call f\nexit\nf: r0 = 0\nr0 = 1", true)).isEqualTo(new Rejection("EINVAL", "last insn is not an exit or jmp"));
        // a call makes insn 3 a subprogram start, so the jump to it leaves subprogram 0
        assertThat(rejected("r0 = 0\nif r0 == 0 goto f\nexit\nf: exit\ncall f", true).message()).isEqualTo("jump out of range from insn 1 to 3");
        assertThat(rejected("call f\nif r0 == 0 goto +1\nexit\nf: r0 = 0\nexit", true).message())
                .isEqualTo("jump out of range from insn 1 to 3");
        assertThat(rejected("call pc+5\nexit", true)).isEqualTo(new Rejection("EINVAL", "call to invalid destination"));
        assertThat(rejected("call f\nexit\nf: exit", false).errno()).isEqualTo("EPERM");
    }

    @Test
    void unreachableAndTornLdImm64() {
        assertThat(rejected("r0 = 0\nexit\nexit", true)).isEqualTo(new Rejection("EINVAL", "unreachable insn 2"));
        assertThat(rejected("r0 = 0\ngoto +1\nr1 = 5 ll\nexit", true).message()).isEqualTo("unreachable insn 2");
        assertThat(rejected("r0 = 0\nif r0 == 0 goto +1\nr1 = 5 ll\nexit", true).message()).isEqualTo("jump into the middle of ldimm64 insn 2");
        assertThat(rejected("r0 = 0\nexit\n.8byte 0x18", true).message()).isEqualTo("last insn is not an exit or jmp");
    }

    @Property(tries = 3000)
    void neverThrowsOnAnyShape(@ForAll("programs") List<RawInsn> prog, @ForAll boolean capable) {
        StructureCheck.Result r = StructureCheck.check(prog, capable);
        if (r instanceof StructureCheck.Ok(Structure s)) assertThat(s.subprogStarts()).startsWith(0);
    }

    @Provide
    Arbitrary<List<RawInsn>> programs() {
        return Arbitraries.longs().map(seed -> StructureCheckKernelTest.randomProgram(new java.util.Random(seed)));
    }
}
