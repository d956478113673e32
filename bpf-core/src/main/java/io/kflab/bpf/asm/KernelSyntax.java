package io.kflab.bpf.asm;

import io.kflab.bpf.isa.CallKind;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Operand;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.isa.Size;
import io.kflab.bpf.isa.Width;

/**
 * Prints instructions exactly as the kernel verifier log does (kernel: print_bpf_insn in
 * kernel/bpf/disasm.c, 6.18): {@code (b7) r0 = 0}, {@code (85) call bpf_map_lookup_elem#1}.
 */
public final class KernelSyntax {
    private final CallNames names;

    public KernelSyntax(CallNames names) {
        this.names = names;
    }

    public static KernelSyntax builtin() {
        return new KernelSyntax(CallNames.builtin());
    }

    /** The program as the log lists it: {@code <slot>: <insn>} per line. */
    public String print(Program program) {
        StringBuilder sb = new StringBuilder();
        int slot = 0;
        for (Insn insn : program.insns()) {
            sb.append(slot).append(": ").append(print(insn)).append('\n');
            slot += insn.slots();
        }
        return sb.toString();
    }

    /** One instruction, with its opcode in parentheses and no index. */
    public String print(Insn insn) {
        return String.format("(%02x) %s", insn.opcode(), body(insn));
    }

    private String body(Insn insn) {
        return switch (insn) {
            case Insn.Alu a -> alu(a);
            case Insn.Neg n -> reg(n.width(), n.dst()) + " = -" + reg(n.width(), n.dst());
            case Insn.Endian e -> "r" + e.dst() + " = "
                    + (e.kind() == Insn.Endian.Kind.BSWAP ? "bswap" : e.kind() == Insn.Endian.Kind.BE ? "be" : "le")
                    + e.bits() + " r" + e.dst();
            case Insn.AddrSpaceCast c ->
                    "r" + c.dst() + " = addr_space_cast(r" + c.src() + ", " + c.dstAs() + ", " + c.srcAs() + ")";
            case Insn.LoadImm64 l -> "r" + l.dst() + " = 0x" + Long.toHexString(l.imm());
            case Insn.LegacyLoad l -> l.indirect()
                    ? "r0 = *(" + l.size().unsignedName() + " *)skb[r" + l.src() + " + " + l.imm() + "]"
                    : "r0 = *(" + l.size().unsignedName() + " *)skb[" + l.imm() + "]";
            case Insn.Load l -> "r" + l.dst() + " = *(" + (l.signExtend() ? l.size().signedName() : l.size().unsignedName())
                    + " *)(r" + l.src() + " " + signed(l.off()) + ")";
            case Insn.Store s -> "*(" + s.size().unsignedName() + " *)(r" + s.dst() + " " + signed(s.off()) + ") = "
                    + switch (s.src()) {
                        case Operand.Reg r -> "r" + r.reg();
                        case Operand.Imm i -> Integer.toString(i.value());
                    };
            case Insn.Atomic a -> atomic(a);
            case Insn.Jump j -> "if " + reg(j.width(), j.dst()) + " " + j.op().symbol() + " "
                    + switch (j.src()) {
                        case Operand.Reg r -> reg(j.width(), r.reg());
                        case Operand.Imm i -> "0x" + Integer.toHexString(i.value());
                    }
                    + " goto pc" + signed(j.off());
            case Insn.Ja j -> "goto pc" + signed(j.off());
            case Insn.Gotol g -> "gotol pc" + signed(g.imm());
            case Insn.MayGoto m -> "may_goto pc" + signed(m.off());
            case Insn.Call c -> call(c);
            case Insn.Exit e -> "exit";
        };
    }

    private static String alu(Insn.Alu a) {
        String dst = reg(a.width(), a.dst());
        if (a.op().isMovsx()) {
            int src = ((Operand.Reg) a.src()).reg();
            return dst + " = (s" + a.op().movsxBits() + ")" + reg(a.width(), src);
        }
        String src = switch (a.src()) {
            case Operand.Reg r -> reg(a.width(), r.reg());
            case Operand.Imm i -> Integer.toString(i.value());
        };
        return dst + " " + a.op().symbol() + " " + src;
    }

    private static String atomic(Insn.Atomic a) {
        String ty = a.size().unsignedName();
        String mem = "(" + ty + " *)(r" + a.dst() + " " + signed(a.off()) + ")";
        String bits = a.size() == Size.DW ? "64" : "";
        return switch (a.op()) {
            case ADD -> "lock *" + mem + " += r" + a.src();
            case OR -> "lock *" + mem + " |= r" + a.src();
            case AND -> "lock *" + mem + " &= r" + a.src();
            case XOR -> "lock *" + mem + " ^= r" + a.src();
            case FETCH_ADD, FETCH_OR, FETCH_AND, FETCH_XOR ->
                    "r" + a.src() + " = atomic" + bits + "_fetch_" + a.op().aluName() + "(" + mem + ", r" + a.src() + ")";
            case XCHG -> "r" + a.src() + " = atomic" + bits + "_xchg(" + mem + ", r" + a.src() + ")";
            case CMPXCHG -> "r0 = atomic" + bits + "_cmpxchg(" + mem + ", r0, r" + a.src() + ")";
            case LOAD_ACQ -> "r" + a.dst() + " = load_acquire((" + ty + " *)(r" + a.src() + " " + signed(a.off()) + "))";
            case STORE_REL -> "store_release(" + mem + ", r" + a.src() + ")";
        };
    }

    private String call(Insn.Call c) {
        if (c.kind() == CallKind.SUBPROG) return "call pc" + signed(c.imm());
        // Like the kernel, a small id names a helper whatever the call kind.
        String name = c.imm() >= 0 ? names.helper(c.imm()) : null;
        if (name == null && c.kind() == CallKind.KFUNC) name = names.kfunc(c.imm());
        return "call " + (name == null ? "unknown" : name) + "#" + c.imm();
    }

    static String reg(Width w, int r) {
        return String.valueOf(w.regPrefix()) + r;
    }

    private static String signed(int v) {
        return v >= 0 ? "+" + v : Integer.toString(v);
    }
}
