package io.kflab.sim.runtime.diff;

import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.JmpOp;
import io.kflab.bpf.isa.Operand;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.isa.Width;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Instructions with forward labels for jumps and calls, resolved to slot offsets at the end. */
final class CodeBuilder {
    private sealed interface Item {}

    private record Plain(Insn insn) implements Item {}

    private record JumpTo(Width width, JmpOp op, int dst, Operand src, int label) implements Item {}

    private record CallTo(int label) implements Item {}

    private record Label(int id) implements Item {}

    private final List<Item> items = new ArrayList<>();
    private int labels;

    void emit(Insn insn) {
        items.add(new Plain(insn));
    }

    int newLabel() {
        return labels++;
    }

    void jump(Width width, JmpOp op, int dst, Operand src, int label) {
        items.add(new JumpTo(width, op, dst, src, label));
    }

    void call(int label) {
        items.add(new CallTo(label));
    }

    void place(int label) {
        items.add(new Label(label));
    }

    Program build() {
        Map<Integer, Integer> at = new HashMap<>();
        int slot = 0;
        for (Item i : items) {
            switch (i) {
                case Label l -> at.put(l.id(), slot);
                case Plain p -> slot += p.insn().slots();
                default -> slot += 1;
            }
        }
        List<Insn> out = new ArrayList<>();
        slot = 0;
        for (Item i : items) {
            switch (i) {
                case Label l -> {}
                case Plain p -> {
                    out.add(p.insn());
                    slot += p.insn().slots();
                }
                case JumpTo j -> {
                    out.add(new Insn.Jump(j.width(), j.op(), j.dst(), j.src(), (short) (at.get(j.label()) - slot - 1)));
                    slot++;
                }
                case CallTo c -> {
                    out.add(Insn.Call.subprog(at.get(c.label()) - slot - 1));
                    slot++;
                }
            }
        }
        return new Program(out);
    }
}
