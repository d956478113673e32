package io.kflab.bpf.isa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.*;

class InsnCodecTest {
    @Property(tries = 5000)
    void decodeInvertsEncode(@ForAll("insns") Insn insn) {
        List<RawInsn> raw = InsnCodec.encode(insn);
        assertThat(raw).hasSize(insn.slots());
        Insn back = InsnCodec.decode(raw.get(0), raw.size() > 1 ? raw.get(1) : null);
        assertThat(back).isEqualTo(insn);
    }

    @Property(tries = 10000)
    void everySlotDecodesExactlyOrIsRejectedWithAReason(@ForAll("slots") RawInsn first, @ForAll("slots") RawInsn second) {
        Insn insn;
        try {
            insn = InsnCodec.decode(first, second);
        } catch (InvalidInsnException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        // Accepted: the instruction must encode back to exactly these bits, so nothing was dropped.
        List<RawInsn> again = InsnCodec.encode(insn);
        assertThat(again.get(0)).isEqualTo(first);
        if (again.size() == 2) assertThat(again.get(1)).isEqualTo(second);
    }

    @Property(tries = 2000)
    void programWireFormRoundTrips(@ForAll("programs") Program p) {
        assertThat(Program.decode(p.encode(), "p.bin")).isEqualTo(p);
    }

    @Provide
    Arbitrary<Insn> insns() {
        return InsnArbitraries.insn();
    }

    @Provide
    Arbitrary<RawInsn> slots() {
        return InsnArbitraries.rawSlot();
    }

    @Provide
    Arbitrary<Program> programs() {
        return InsnArbitraries.program();
    }
}
