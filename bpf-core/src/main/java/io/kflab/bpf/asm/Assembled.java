package io.kflab.bpf.asm;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.InsnCodec;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.InvalidInsnException;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.isa.RawInsn;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of the assembler: instruction slots (possibly invalid ones written with
 * {@code .8byte}, as selftests do) and the source line of each slot.
 */
public record Assembled(String source, List<RawInsn> slots, List<Integer> lines) {
    public Assembled {
        slots = List.copyOf(slots);
        lines = List.copyOf(lines);
    }

    /** The wire form, valid or not. */
    public byte[] bytes() {
        return RawInsn.toBytes(slots);
    }

    /**
     * The slots as instructions.
     *
     * @throws BadInputException at the line of the first slot that is not a valid instruction
     */
    public Program program() {
        List<Insn> insns = new ArrayList<>();
        for (int i = 0; i < slots.size(); ) {
            try {
                Insn insn = InsnCodec.decode(slots.get(i), i + 1 < slots.size() ? slots.get(i + 1) : null);
                insns.add(insn);
                i += insn.slots();
            } catch (InvalidInsnException e) {
                throw new BadInputException(source + ":" + lines.get(i), "invalid instruction: " + e.getMessage());
            }
        }
        return new Program(insns);
    }
}
