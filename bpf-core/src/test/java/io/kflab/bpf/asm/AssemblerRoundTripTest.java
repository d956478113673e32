package io.kflab.bpf.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.InsnArbitraries;
import io.kflab.bpf.isa.Program;
import net.jqwik.api.*;

class AssemblerRoundTripTest {
    private final Assembler asm = Assembler.builtin();
    private final AsmPrinter printer = AsmPrinter.builtin();

    @Property(tries = 2000)
    void parseOfPrintIsIdentity(@ForAll("programs") Program p) {
        String text = printer.print(p);
        assertThat(asm.program(text, "gen.s")).as(text).isEqualTo(p);
    }

    @Provide
    Arbitrary<Program> programs() {
        return InsnArbitraries.program();
    }
}
