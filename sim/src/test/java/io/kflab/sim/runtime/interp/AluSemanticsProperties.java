package io.kflab.sim.runtime.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.AluOp;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.JmpOp;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The ALU against reference formulas in arbitrary-precision arithmetic, the way the kernel defines each operation. */
class AluSemanticsProperties {
    private static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64), TWO32 = BigInteger.ONE.shiftLeft(32);

    private static BigInteger u64(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v < 0 ? b.add(TWO64) : b;
    }

    private static BigInteger u32(long v) {
        return BigInteger.valueOf(v & 0xffff_ffffL);
    }

    /** The result of a 64-bit operation, from its mathematical definition. */
    private static BigInteger ref64(AluOp op, long d, long s) {
        BigInteger ud = u64(d), us = u64(s), sd = BigInteger.valueOf(d), ss = BigInteger.valueOf(s);
        BigInteger r = switch (op) {
            case ADD -> ud.add(us);
            case SUB -> ud.subtract(us);
            case MUL -> ud.multiply(us);
            case DIV -> us.signum() == 0 ? BigInteger.ZERO : ud.divide(us);
            case SDIV -> ss.signum() == 0 ? BigInteger.ZERO : sd.divide(ss); // BigInteger truncates toward zero
            case MOD -> us.signum() == 0 ? ud : ud.mod(us);
            case SMOD -> ss.signum() == 0 ? sd : sd.subtract(sd.divide(ss).multiply(ss));
            case OR -> ud.or(us);
            case AND -> ud.and(us);
            case XOR -> ud.xor(us);
            case LSH -> ud.shiftLeft((int) (s & 63));
            case RSH -> ud.shiftRight((int) (s & 63));
            case ARSH -> sd.shiftRight((int) (s & 63));
            case MOV -> us;
            case MOVSX8 -> BigInteger.valueOf((byte) s);
            case MOVSX16 -> BigInteger.valueOf((short) s);
            case MOVSX32 -> BigInteger.valueOf((int) s);
        };
        return r.mod(TWO64);
    }

    private static BigInteger ref32(AluOp op, long d, long s) {
        BigInteger ud = u32(d), us = u32(s), sd = BigInteger.valueOf((int) d), ss = BigInteger.valueOf((int) s);
        BigInteger r = switch (op) {
            case ADD -> ud.add(us);
            case SUB -> ud.subtract(us);
            case MUL -> ud.multiply(us);
            case DIV -> us.signum() == 0 ? BigInteger.ZERO : ud.divide(us);
            case SDIV -> ss.signum() == 0 ? BigInteger.ZERO : sd.divide(ss);
            case MOD -> us.signum() == 0 ? ud : ud.mod(us);
            case SMOD -> ss.signum() == 0 ? sd : sd.subtract(sd.divide(ss).multiply(ss));
            case OR -> ud.or(us);
            case AND -> ud.and(us);
            case XOR -> ud.xor(us);
            case LSH -> ud.shiftLeft((int) (s & 31));
            case RSH -> ud.shiftRight((int) (s & 31));
            case ARSH -> sd.shiftRight((int) (s & 31));
            case MOV, MOVSX32 -> us;
            case MOVSX8 -> BigInteger.valueOf((byte) s);
            case MOVSX16 -> BigInteger.valueOf((short) s);
        };
        return r.mod(TWO32);
    }

    @Property(tries = 3000)
    void alu64MatchesTheReference(@ForAll AluOp op, @ForAll long d, @ForAll long s) {
        assertThat(u64(AluSemantics.alu64(op, d, s))).isEqualTo(ref64(op, d, s));
    }

    @Property(tries = 3000)
    void alu32MatchesTheReferenceAndZeroExtends(@ForAll AluOp op, @ForAll long d, @ForAll long s) {
        long r = AluSemantics.alu32(op, d, s);
        assertThat(r >>> 32).isZero();
        assertThat(u64(r)).isEqualTo(ref32(op, d, s));
    }

    @Property
    void edgeDivisorsFollowTheKernel(@ForAll long d, @ForAll boolean wide) {
        for (long s : new long[] {0, -1, 1L << 32, Long.MIN_VALUE}) {
            for (AluOp op : new AluOp[] {AluOp.DIV, AluOp.SDIV, AluOp.MOD, AluOp.SMOD}) {
                BigInteger expect = wide ? ref64(op, d, s) : ref32(op, d, s);
                assertThat(u64(wide ? AluSemantics.alu64(op, d, s) : AluSemantics.alu32(op, d, s))).isEqualTo(expect);
            }
        }
    }

    @Property
    void swappingTwiceRestoresTheLowBits(@ForAll long v) {
        for (int bits : new int[] {16, 32, 64}) {
            long mask = bits == 64 ? -1 : (1L << bits) - 1;
            long once = AluSemantics.endian(Insn.Endian.Kind.BSWAP, bits, v);
            assertThat(AluSemantics.endian(Insn.Endian.Kind.BSWAP, bits, once)).isEqualTo(v & mask);
            assertThat(AluSemantics.endian(Insn.Endian.Kind.BE, bits, v)).isEqualTo(once);
            assertThat(AluSemantics.endian(Insn.Endian.Kind.LE, bits, v)).isEqualTo(v & mask);
        }
    }

    @Property
    void jumpsCompareAsTheirSignednessSays(@ForAll JmpOp op, @ForAll long d, @ForAll long s) {
        BigInteger ud = u64(d), us = u64(s);
        boolean expect = switch (op) {
            case JEQ -> d == s;
            case JNE -> d != s;
            case JGT -> ud.compareTo(us) > 0;
            case JGE -> ud.compareTo(us) >= 0;
            case JLT -> ud.compareTo(us) < 0;
            case JLE -> ud.compareTo(us) <= 0;
            case JSGT -> d > s;
            case JSGE -> d >= s;
            case JSLT -> d < s;
            case JSLE -> d <= s;
            case JSET -> (d & s) != 0;
        };
        assertThat(AluSemantics.jmp64(op, d, s)).isEqualTo(expect);
        // the 32-bit form is the 64-bit form on the sign- or zero-extended low halves
        boolean signed = op == JmpOp.JSGT || op == JmpOp.JSGE || op == JmpOp.JSLT || op == JmpOp.JSLE;
        long d32 = signed ? (int) d : d & 0xffff_ffffL, s32 = signed ? (int) s : s & 0xffff_ffffL;
        assertThat(AluSemantics.jmp32(op, d, s)).isEqualTo(AluSemantics.jmp64(op, d32, s32));
    }
}
