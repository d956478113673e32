package io.kflab.sim.runtime.interp;

import io.kflab.bpf.isa.AluOp;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.JmpOp;

/**
 * The arithmetic of BPF as the kernel executes it after the verifier's fix-ups: division by zero
 * gives 0 and modulo by zero leaves the dividend (32-bit forms zero-extend it); signed division
 * truncates toward zero and INT_MIN / -1 wraps to INT_MIN (modulo gives 0); shift amounts are masked
 * to the operand width (& 63, & 31); every 32-bit result is zero-extended into the 64-bit register.
 */
public final class AluSemantics {
    private AluSemantics() {}

    /** {@code dst op= src} on 64-bit registers. */
    public static long alu64(AluOp op, long d, long s) {
        return switch (op) {
            case ADD -> d + s;
            case SUB -> d - s;
            case MUL -> d * s;
            case DIV -> s == 0 ? 0 : Long.divideUnsigned(d, s);
            case SDIV -> s == 0 ? 0 : d / s; // Long.MIN_VALUE / -1 == Long.MIN_VALUE in Java too
            case OR -> d | s;
            case AND -> d & s;
            case LSH -> d << (s & 63);
            case RSH -> d >>> (s & 63);
            case MOD -> s == 0 ? d : Long.remainderUnsigned(d, s);
            case SMOD -> s == 0 ? d : d % s;
            case XOR -> d ^ s;
            case MOV -> s;
            case MOVSX8 -> (byte) s;
            case MOVSX16 -> (short) s;
            case MOVSX32 -> (int) s;
            case ARSH -> d >> (s & 63);
        };
    }

    /** {@code wdst op= wsrc} on 32-bit subregisters; the result is zero-extended. */
    public static long alu32(AluOp op, long dst, long src) {
        int d = (int) dst, s = (int) src;
        int r = switch (op) {
            case ADD -> d + s;
            case SUB -> d - s;
            case MUL -> d * s;
            case DIV -> s == 0 ? 0 : Integer.divideUnsigned(d, s);
            case SDIV -> s == 0 ? 0 : d / s;
            case OR -> d | s;
            case AND -> d & s;
            case LSH -> d << (s & 31);
            case RSH -> d >>> (s & 31);
            case MOD -> s == 0 ? d : Integer.remainderUnsigned(d, s);
            case SMOD -> s == 0 ? d : d % s;
            case XOR -> d ^ s;
            case MOV -> s;
            case MOVSX8 -> (byte) s;
            case MOVSX16 -> (short) s;
            case MOVSX32 -> s;
            case ARSH -> d >> (s & 31);
        };
        return r & 0xffff_ffffL;
    }

    /** Byte order conversion on a little-endian machine: le truncates, be and bswap swap (both zero-extend the result). */
    public static long endian(Insn.Endian.Kind kind, int bits, long d) {
        if (kind == Insn.Endian.Kind.LE) {
            return switch (bits) {
                case 16 -> d & 0xffff;
                case 32 -> d & 0xffff_ffffL;
                default -> d;
            };
        }
        return switch (bits) {
            case 16 -> Short.reverseBytes((short) d) & 0xffff;
            case 32 -> Integer.reverseBytes((int) d) & 0xffff_ffffL;
            default -> Long.reverseBytes(d);
        };
    }

    /** Whether a 64-bit conditional jump is taken. */
    public static boolean jmp64(JmpOp op, long d, long s) {
        return switch (op) {
            case JEQ -> d == s;
            case JNE -> d != s;
            case JGT -> Long.compareUnsigned(d, s) > 0;
            case JGE -> Long.compareUnsigned(d, s) >= 0;
            case JLT -> Long.compareUnsigned(d, s) < 0;
            case JLE -> Long.compareUnsigned(d, s) <= 0;
            case JSGT -> d > s;
            case JSGE -> d >= s;
            case JSLT -> d < s;
            case JSLE -> d <= s;
            case JSET -> (d & s) != 0;
        };
    }

    /** Whether a 32-bit conditional jump (BPF_JMP32) is taken: only the low halves count. */
    public static boolean jmp32(JmpOp op, long dst, long src) {
        int d = (int) dst, s = (int) src;
        return switch (op) {
            case JEQ -> d == s;
            case JNE -> d != s;
            case JGT -> Integer.compareUnsigned(d, s) > 0;
            case JGE -> Integer.compareUnsigned(d, s) >= 0;
            case JLT -> Integer.compareUnsigned(d, s) < 0;
            case JLE -> Integer.compareUnsigned(d, s) <= 0;
            case JSGT -> d > s;
            case JSGE -> d >= s;
            case JSLT -> d < s;
            case JSLE -> d <= s;
            case JSET -> (d & s) != 0;
        };
    }

    /** A memory load's value: zero-extended, or sign-extended for BPF_MEMSX. */
    public static long extend(long raw, int size, boolean signed) {
        if (!signed) return raw;
        return switch (size) {
            case 1 -> (byte) raw;
            case 2 -> (short) raw;
            case 4 -> (int) raw;
            default -> raw;
        };
    }
}
