package io.kflab.sim.runtime;

import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.sys.ProgType;

/**
 * A program loaded into the runtime (kernel: struct bpf_prog after BPF_PROG_LOAD): its fd, type and
 * instructions laid out by slot, so jump offsets index directly; the second slot of an ld_imm64 is null.
 */
public record LoadedProgram(int fd, ProgType type, Program program, Insn[] slots) {
    public static LoadedProgram of(int fd, ProgType type, Program program) {
        Insn[] slots = new Insn[program.slotCount()];
        int at = 0;
        for (Insn i : program.insns()) {
            slots[at] = i;
            at += i.slots();
        }
        return new LoadedProgram(fd, type, program, slots);
    }
}
