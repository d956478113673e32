package io.kflab.bpf.isa;

import io.kflab.bpf.diag.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A BPF program: its instructions in order (kernel: the insns array of BPF_PROG_LOAD). Jump and
 * call offsets count slots, so {@link #slotOf} maps an instruction index to its slot.
 */
public record Program(List<Insn> insns) {
    public Program {
        insns = List.copyOf(insns);
    }

    public static Program of(Insn... insns) {
        return new Program(Arrays.asList(insns));
    }

    /** Number of 8-byte slots. */
    public int slotCount() {
        int n = 0;
        for (Insn i : insns) n += i.slots();
        return n;
    }

    /** Slot index of every instruction, plus the total slot count as the last entry. */
    public int[] slotIndex() {
        int[] at = new int[insns.size() + 1];
        for (int i = 0; i < insns.size(); i++) at[i + 1] = at[i] + insns.get(i).slots();
        return at;
    }

    /** Slot index of instruction {@code index}. */
    public int slotOf(int index) {
        return slotIndex()[index];
    }

    /** The wire form: 8 bytes per slot, little endian. */
    public byte[] encode() {
        byte[] out = new byte[slotCount() * RawInsn.SIZE];
        int at = 0;
        for (Insn insn : insns) {
            for (RawInsn raw : InsnCodec.encode(insn)) {
                raw.write(out, at);
                at += RawInsn.SIZE;
            }
        }
        return out;
    }

    /** The wire slots. */
    public List<RawInsn> raw() {
        List<RawInsn> out = new ArrayList<>();
        for (Insn insn : insns) out.addAll(InsnCodec.encode(insn));
        return out;
    }

    /**
     * Decodes the wire form.
     *
     * @param source a name for error locations (a file name)
     * @throws BadInputException naming the byte offset and the reason for the first invalid slot
     */
    public static Program decode(byte[] bytes, String source) {
        if (bytes.length % RawInsn.SIZE != 0) {
            throw new BadInputException(source + ": byte " + bytes.length,
                    "expected a whole number of 8-byte instructions, found " + bytes.length + " bytes");
        }
        int n = bytes.length / RawInsn.SIZE;
        List<Insn> out = new ArrayList<>(n);
        for (int slot = 0; slot < n; ) {
            RawInsn first = RawInsn.read(bytes, slot * RawInsn.SIZE);
            RawInsn second = slot + 1 < n ? RawInsn.read(bytes, (slot + 1) * RawInsn.SIZE) : null;
            try {
                Insn insn = InsnCodec.decode(first, second);
                out.add(insn);
                slot += insn.slots();
            } catch (InvalidInsnException e) {
                throw new BadInputException(source + ": byte " + slot * RawInsn.SIZE,
                        "instruction " + slot + ": " + e.getMessage());
            }
        }
        return new Program(out);
    }
}
