package io.kflab.bpf.asm;

import io.kflab.bpf.isa.*;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prints a program as LLVM BPF assembly with labels ({@code l5:} marks slot 5), in the syntax the
 * {@link Assembler} reads back: assemble(print(p)) == p.
 */
public final class AsmPrinter {
    private final Helpers helpers;

    public AsmPrinter(Helpers helpers) {
        this.helpers = helpers;
    }

    public static AsmPrinter builtin() {
        return new AsmPrinter(Helpers.builtin());
    }

    public String print(Program program) {
        int[] slotOf = program.slotIndex();
        int total = slotOf[slotOf.length - 1];
        Set<Integer> starts = new TreeSet<>();
        for (int s : slotOf) starts.add(s);
        Set<Integer> labels = new TreeSet<>();
        for (int i = 0; i < program.insns().size(); i++) {
            Integer t = targetSlot(program.insns().get(i), slotOf[i]);
            if (t != null && starts.contains(t)) labels.add(t);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < program.insns().size(); i++) {
            if (labels.contains(slotOf[i])) sb.append('l').append(slotOf[i]).append(":\n");
            sb.append('\t').append(print(program.insns().get(i), slotOf[i], labels)).append('\n');
        }
        if (labels.contains(total)) sb.append('l').append(total).append(":\n");
        return sb.toString();
    }

    private static Integer targetSlot(Insn insn, int slot) {
        return switch (insn) {
            case Insn.Jump j -> slot + 1 + j.off();
            case Insn.Ja j -> slot + 1 + j.off();
            case Insn.Gotol g -> slot + 1 + g.imm();
            case Insn.MayGoto m -> slot + 1 + m.off();
            case Insn.Call c when c.kind() == CallKind.SUBPROG -> slot + 1 + c.imm();
            default -> null;
        };
    }

    private String print(Insn insn, int slot, Set<Integer> labels) {
        return switch (insn) {
            case Insn.Alu a -> alu(a);
            case Insn.Neg n -> r(n.width(), n.dst()) + " = -" + r(n.width(), n.dst());
            case Insn.Endian e -> "r" + e.dst() + " = " + e.kind().name().toLowerCase() + e.bits() + " r" + e.dst();
            case Insn.AddrSpaceCast c -> "r" + c.dst() + " = addr_space_cast(r" + c.src() + ", " + c.dstAs() + ", " + c.srcAs() + ")";
            case Insn.LoadImm64 l -> "r" + l.dst() + " = " + (l.source() == PseudoSource.IMM
                    ? "0x" + Long.toHexString(l.imm())
                    : l.source().asmName() + "(" + l.lo() + (l.hi() != 0 ? ", " + l.hi() : "") + ")") + " ll";
            case Insn.LegacyLoad l -> "r0 = *(" + l.size().unsignedName() + " *)skb["
                    + (l.indirect() ? "r" + l.src() + " + " + l.imm() : Integer.toString(l.imm())) + "]";
            case Insn.Load l -> "r" + l.dst() + " = *(" + (l.signExtend() ? l.size().signedName() : l.size().unsignedName())
                    + " *)" + mem(l.src(), l.off());
            case Insn.Store s -> "*(" + s.size().unsignedName() + " *)" + mem(s.dst(), s.off()) + " = " + switch (s.src()) {
                case Operand.Reg reg -> "r" + reg.reg();
                case Operand.Imm imm -> Integer.toString(imm.value());
            };
            case Insn.Atomic a -> atomic(a);
            case Insn.Jump j -> "if " + r(j.width(), j.dst()) + " " + j.op().symbol() + " " + switch (j.src()) {
                case Operand.Reg reg -> r(j.width(), reg.reg());
                case Operand.Imm imm -> Integer.toString(imm.value());
            } + " goto " + target(slot, j.off(), labels);
            case Insn.Ja j -> "goto " + target(slot, j.off(), labels);
            case Insn.Gotol g -> "gotol " + target(slot, g.imm(), labels);
            case Insn.MayGoto m -> "may_goto " + target(slot, m.off(), labels);
            case Insn.Call c -> call(c, slot, labels);
            case Insn.Exit e -> "exit";
        };
    }

    private static String alu(Insn.Alu a) {
        String dst = r(a.width(), a.dst());
        if (a.op().isMovsx()) {
            return dst + " = (s" + a.op().movsxBits() + ")" + r(a.width(), ((Operand.Reg) a.src()).reg());
        }
        return dst + " " + a.op().symbol() + " " + switch (a.src()) {
            case Operand.Reg reg -> r(a.width(), reg.reg());
            case Operand.Imm imm -> Integer.toString(imm.value());
        };
    }

    private static String atomic(Insn.Atomic a) {
        String mem = "(" + a.size().unsignedName() + " *)" + mem(a.dst(), a.off());
        return switch (a.op()) {
            case ADD -> "lock *" + mem + " += r" + a.src();
            case OR -> "lock *" + mem + " |= r" + a.src();
            case AND -> "lock *" + mem + " &= r" + a.src();
            case XOR -> "lock *" + mem + " ^= r" + a.src();
            case FETCH_ADD, FETCH_OR, FETCH_AND, FETCH_XOR ->
                    "r" + a.src() + " = atomic_fetch_" + a.op().aluName() + "(" + mem + ", r" + a.src() + ")";
            case XCHG -> "r" + a.src() + " = atomic_xchg(" + mem + ", r" + a.src() + ")";
            case CMPXCHG -> "r0 = atomic_cmpxchg(" + mem + ", r0, r" + a.src() + ")";
            case LOAD_ACQ -> "r" + a.dst() + " = load_acquire((" + a.size().unsignedName() + " *)" + mem(a.src(), a.off()) + ")";
            case STORE_REL -> "store_release(" + mem + ", r" + a.src() + ")";
        };
    }

    private String call(Insn.Call c, int slot, Set<Integer> labels) {
        return switch (c.kind()) {
            case HELPER -> {
                String name = helpers.name(c.imm());
                yield "call " + (name != null ? name : Integer.toString(c.imm()));
            }
            case SUBPROG -> {
                int t = slot + 1 + c.imm();
                yield labels.contains(t) ? "call l" + t : "call pc" + (c.imm() >= 0 ? "+" : "") + c.imm();
            }
            case KFUNC -> "call kfunc(" + c.imm() + (c.off() != 0 ? ", " + c.off() : "") + ")";
        };
    }

    private static String target(int slot, int off, Set<Integer> labels) {
        int t = slot + 1 + off;
        return labels.contains(t) ? "l" + t : (off >= 0 ? "+" : "") + off;
    }

    private static String mem(int base, short off) {
        return "(r" + base + (off < 0 ? " - " + -off : " + " + off) + ")";
    }

    private static String r(Width w, int reg) {
        return String.valueOf(w.regPrefix()) + reg;
    }
}
