package io.kflab.verifier.selftest;

import static io.kflab.bpf.isa.Opcodes.*;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.verifier.selftest.SelftestCParser.CallExprContext;
import io.kflab.verifier.selftest.SelftestCParser.ExprContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's instruction-building macros (include/linux/filter.h, tools/include/linux/filter.h:
 * BPF_MOV64_IMM, BPF_LDX_MEM, BPF_JMP_IMM, BPF_LD_IMM64, BPF_LD_MAP_FD, BPF_RAW_INSN, ...) and
 * test_verifier.c's BPF_SK_LOOKUP, expanded into raw struct bpf_insn slots.
 */
final class InsnMacros {
    private InsnMacros() {}

    /** The slots one macro use stands for; its arguments are constant expressions. */
    static List<RawInsn> expand(ExprContext e, ConstEval eval) {
        if (!(e instanceof CallExprContext c)) {
            throw new UnsupportedConstruct("instruction macro", "not a macro call: " + SelftestSyntax.abbreviate(e.getText()));
        }
        String name = c.expr(0).getText();
        List<ExprContext> args = c.expr().subList(1, c.expr().size());
        if (name.equals("BPF_SK_LOOKUP")) return skLookup(args, eval);
        long[] a = new long[args.size()];
        for (int i = 0; i < a.length; i++) a[i] = eval.eval(args.get(i));
        List<RawInsn> out = new ArrayList<>(2);
        try {
            expand(name, a, out);
        } catch (ArrayIndexOutOfBoundsException x) {
            throw new UnsupportedConstruct("instruction macro", name + " with " + a.length + " arguments");
        }
        return out;
    }

    private static void expand(String name, long[] a, List<RawInsn> out) {
        switch (name) {
            case "BPF_ALU64_REG" -> out.add(insn(BPF_ALU64 | op(a, 0) | BPF_X, a, 1, 2, 0, 0, 3));
            case "BPF_ALU32_REG", "BPF_ALU_REG" -> out.add(insn(BPF_ALU | op(a, 0) | BPF_X, a, 1, 2, 0, 0, 3));
            case "BPF_ALU64_IMM" -> out.add(insn(BPF_ALU64 | op(a, 0) | BPF_K, a, 1, -1, 0, 2, 3));
            case "BPF_ALU32_IMM", "BPF_ALU_IMM" -> out.add(insn(BPF_ALU | op(a, 0) | BPF_K, a, 1, -1, 0, 2, 3));
            case "BPF_ALU64_IMM_OFF" -> out.add(insn(BPF_ALU64 | op(a, 0) | BPF_K, a, 1, -1, 3, 2, 4));
            case "BPF_ALU64_REG_OFF" -> out.add(insn(BPF_ALU64 | op(a, 0) | BPF_X, a, 1, 2, 3, 0, 4));
            case "BPF_ALU32_IMM_OFF" -> out.add(insn(BPF_ALU | op(a, 0) | BPF_K, a, 1, -1, 3, 2, 4));
            case "BPF_ALU32_REG_OFF" -> out.add(insn(BPF_ALU | op(a, 0) | BPF_X, a, 1, 2, 3, 0, 4));
            case "BPF_ENDIAN" -> out.add(insn(BPF_ALU | BPF_END | op(a, 0), a, 1, -1, 0, 2, 3));
            case "BPF_BSWAP" -> out.add(insn(BPF_ALU64 | BPF_END | BPF_TO_LE, a, 0, -1, 0, 1, 2));
            case "BPF_NEG64" -> out.add(insn(BPF_ALU64 | BPF_NEG, a, 0, -1, 0, 0, 1));
            case "BPF_MOV64_REG" -> out.add(insn(BPF_ALU64 | BPF_MOV | BPF_X, a, 0, 1, 0, 0, 2));
            case "BPF_MOV32_REG" -> out.add(insn(BPF_ALU | BPF_MOV | BPF_X, a, 0, 1, 0, 0, 2));
            case "BPF_MOV64_IMM" -> out.add(insn(BPF_ALU64 | BPF_MOV | BPF_K, a, 0, -1, 0, 1, 2));
            case "BPF_MOV32_IMM" -> out.add(insn(BPF_ALU | BPF_MOV | BPF_K, a, 0, -1, 0, 1, 2));
            case "BPF_MOVSX64_REG" -> out.add(insn(BPF_ALU64 | BPF_MOV | BPF_X, a, 0, 1, 2, 0, 3));
            case "BPF_MOVSX32_REG" -> out.add(insn(BPF_ALU | BPF_MOV | BPF_X, a, 0, 1, 2, 0, 3));
            case "BPF_ZEXT_REG" -> out.add(new RawInsn(BPF_ALU | BPF_MOV | BPF_X, reg(a[0]), reg(a[0]), (short) 0, 1));
            case "BPF_MOV64_RAW" -> out.add(new RawInsn(BPF_ALU64 | BPF_MOV | (int) a[0], reg(a[1]), reg(a[2]), (short) 0, (int) a[3]));
            case "BPF_LD_IMM64" -> ldImm64(out, a[0], 0, 0, 0, a[1], a[1] >> 32);
            case "BPF_LD_IMM64_RAW" -> ldImm64(out, a[0], a[1], 0, 0, a[2], a[2] >> 32);
            case "BPF_LD_IMM64_RAW_FULL" -> ldImm64(out, a[0], a[1], a[2], a[3], a[4], a[5]);
            case "BPF_LD_MAP_FD" -> ldImm64(out, a[0], 1, 0, 0, a[1], 0);
            case "BPF_LD_MAP_VALUE" -> ldImm64(out, a[0], 2, 0, 0, a[1], a[2]);
            case "BPF_LD_ABS" -> out.add(new RawInsn(BPF_LD | size(a[0]) | BPF_ABS, 0, 0, (short) 0, (int) a[1]));
            case "BPF_LD_IND" -> out.add(new RawInsn(BPF_LD | size(a[0]) | BPF_IND, 0, reg(a[1]), (short) 0, (int) a[2]));
            case "BPF_LDX_MEM" -> out.add(new RawInsn(BPF_LDX | size(a[0]) | BPF_MEM, reg(a[1]), reg(a[2]), off(a[3]), 0));
            case "BPF_LDX_MEMSX" -> out.add(new RawInsn(BPF_LDX | size(a[0]) | BPF_MEMSX, reg(a[1]), reg(a[2]), off(a[3]), 0));
            case "BPF_STX_MEM" -> out.add(new RawInsn(BPF_STX | size(a[0]) | BPF_MEM, reg(a[1]), reg(a[2]), off(a[3]), 0));
            case "BPF_ST_MEM" -> out.add(new RawInsn(BPF_ST | size(a[0]) | BPF_MEM, reg(a[1]), 0, off(a[2]), (int) a[3]));
            case "BPF_ATOMIC_OP" -> out.add(new RawInsn(BPF_STX | size(a[0]) | BPF_ATOMIC, reg(a[2]), reg(a[3]), off(a[4]), (int) a[1]));
            case "BPF_STX_XADD" -> out.add(new RawInsn(BPF_STX | size(a[0]) | BPF_ATOMIC, reg(a[1]), reg(a[2]), off(a[3]), BPF_ADD));
            case "BPF_ST_NOSPEC" -> out.add(new RawInsn(BPF_ST | 0xc0, 0, 0, (short) 0, 0));
            case "BPF_JMP_REG" -> out.add(new RawInsn(BPF_JMP | op(a, 0) | BPF_X, reg(a[1]), reg(a[2]), off(a[3]), 0));
            case "BPF_JMP_IMM" -> out.add(new RawInsn(BPF_JMP | op(a, 0) | BPF_K, reg(a[1]), 0, off(a[3]), (int) a[2]));
            case "BPF_JMP32_REG" -> out.add(new RawInsn(BPF_JMP32 | op(a, 0) | BPF_X, reg(a[1]), reg(a[2]), off(a[3]), 0));
            case "BPF_JMP32_IMM" -> out.add(new RawInsn(BPF_JMP32 | op(a, 0) | BPF_K, reg(a[1]), 0, off(a[3]), (int) a[2]));
            case "BPF_JMP_A" -> out.add(new RawInsn(BPF_JMP | BPF_JA, 0, 0, off(a[0]), 0));
            case "BPF_JMP32_A" -> out.add(new RawInsn(BPF_JMP32 | BPF_JA, 0, 0, (short) 0, (int) a[0]));
            case "BPF_CALL_REL" -> out.add(new RawInsn(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL, (short) 0, (int) a[0]));
            case "BPF_CALL_KFUNC" -> out.add(new RawInsn(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_KFUNC_CALL, off(a[0]), (int) a[1]));
            case "BPF_EMIT_CALL" -> out.add(new RawInsn(BPF_JMP | BPF_CALL, 0, 0, (short) 0, (int) a[0]));
            case "BPF_EXIT_INSN" -> out.add(new RawInsn(BPF_JMP | BPF_EXIT, 0, 0, (short) 0, 0));
            case "BPF_RAW_INSN" -> out.add(new RawInsn((int) (a[0] & 0xff), reg(a[1]), reg(a[2]), off(a[3]), (int) a[4]));
            default -> throw new UnsupportedConstruct("unknown instruction macro", name);
        }
    }

    /** test_verifier.c's BPF_SK_LOOKUP(func): a zeroed struct bpf_sock_tuple on the stack and a call of bpf_<func>(ctx, &tuple, sizeof tuple, 0, 0). */
    private static List<RawInsn> skLookup(List<ExprContext> args, ConstEval eval) {
        if (args.size() != 1) throw new UnsupportedConstruct("instruction macro", "BPF_SK_LOOKUP with " + args.size() + " arguments");
        long helper = eval.name("BPF_FUNC_" + args.get(0).getText()).value();
        long tupleSize = eval.structs().typeLayout(List.of("struct", "bpf_sock_tuple"), false, eval).size();
        List<RawInsn> out = new ArrayList<>();
        out.add(new RawInsn(BPF_ALU64 | BPF_MOV | BPF_K, 2, 0, (short) 0, 0));
        out.add(new RawInsn(BPF_STX | BPF_W | BPF_MEM, 10, 2, (short) -8, 0));
        for (int off = -16; off >= -48; off -= 8) out.add(new RawInsn(BPF_STX | BPF_DW | BPF_MEM, 10, 2, (short) off, 0));
        out.add(new RawInsn(BPF_ALU64 | BPF_MOV | BPF_X, 2, 10, (short) 0, 0));
        out.add(new RawInsn(BPF_ALU64 | BPF_ADD | BPF_K, 2, 0, (short) 0, -48));
        out.add(new RawInsn(BPF_ALU64 | BPF_MOV | BPF_K, 3, 0, (short) 0, (int) tupleSize));
        out.add(new RawInsn(BPF_ALU64 | BPF_MOV | BPF_K, 4, 0, (short) 0, 0));
        out.add(new RawInsn(BPF_ALU64 | BPF_MOV | BPF_K, 5, 0, (short) 0, 0));
        out.add(new RawInsn(BPF_JMP | BPF_CALL, 0, 0, (short) 0, (int) helper));
        return out;
    }

    private static void ldImm64(List<RawInsn> out, long dst, long src, long off1, long off2, long imm1, long imm2) {
        out.add(new RawInsn(BPF_LD | BPF_DW | BPF_IMM, reg(dst), reg(src), off(off1), (int) imm1));
        out.add(new RawInsn(0, 0, 0, off(off2), (int) imm2));
    }

    /** One instruction from argument positions: dst, src (-1: none), off (0: none, else arg index), imm (0: none). */
    private static RawInsn insn(int code, long[] a, int dst, int src, int off, int imm, int arity) {
        if (a.length != arity) throw new UnsupportedConstruct("instruction macro", "expected " + arity + " arguments, found " + a.length);
        return new RawInsn(code & 0xff, reg(a[dst]), src < 0 ? 0 : reg(a[src]), off == 0 ? 0 : off(a[off]), imm == 0 ? 0 : (int) a[imm]);
    }

    private static int op(long[] a, int i) {
        if (a.length <= i) throw new UnsupportedConstruct("instruction macro", "missing operation");
        return (int) a[i] & 0xff;
    }

    private static int size(long s) {
        return (int) s & 0x18;
    }

    private static int reg(long r) {
        return (int) r & 0xf;
    }

    private static short off(long o) {
        return (short) o;
    }
}
