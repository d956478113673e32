package io.kflab.verifier.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.AluOp;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.JmpOp;
import io.kflab.bpf.isa.Width;
import io.kflab.verifier.tnum.Tnum;
import java.util.List;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

/** Soundness: every concrete execution stays inside the abstract results; plus printing examples. */
class ScalarSoundnessTest {

    /** An abstract scalar and one of its members. */
    record Member(Scalar abs, long x) {}

    @Provide
    Arbitrary<Member> members() {
        Arbitrary<Long> anyLong = Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.longs().between(-300, 300),
                Arbitraries.integers().map(i -> (long) i),
                Arbitraries.integers().between(0, 63).map(k -> 1L << k),
                Arbitraries.integers().between(0, 63).map(k -> (1L << k) - 1));
        return Combinators.combine(anyLong, anyLong, anyLong, Arbitraries.integers().between(0, 4))
                .as((x, m, k, shape) -> {
                    // a member x, a tnum around it, and bounds around it
                    Tnum t = new Tnum(x & ~m, m);
                    Scalar s = Scalar.UNKNOWN.withVarOff(t);
                    long lo = x - Math.floorMod(k, 1000L), hi = x + Math.floorMod(k >>> 7, 1000L);
                    s = switch (shape) {
                        case 0 -> s;
                        case 1 -> lo <= x && x <= hi ? new Scalar(t, lo, hi, 0, -1L, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1) : s;
                        case 2 -> Long.compareUnsigned(lo, x) <= 0 && Long.compareUnsigned(x, hi) <= 0
                                ? new Scalar(t, Long.MIN_VALUE, Long.MAX_VALUE, lo, hi, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1) : s;
                        case 3 -> (int) lo <= (int) (long) x && (int) (long) x <= (int) hi
                                ? new Scalar(t, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1L, (int) lo, (int) hi, 0, -1) : s;
                        default -> Scalar.constant(x);
                    };
                    return new Member(s.sync(), x);
                });
    }

    @Property(tries = 3000)
    void syncKeepsMembers(@ForAll("members") Member m) {
        assertThat(m.abs().contains(m.x())).as("%s ∌ %d", m.abs(), m.x()).isTrue();
        assertThat(m.abs().sync()).isEqualTo(m.abs().sync().sync());
    }

    static final AluOp[] OPS = {AluOp.ADD, AluOp.SUB, AluOp.MUL, AluOp.DIV, AluOp.SDIV, AluOp.OR, AluOp.AND,
            AluOp.LSH, AluOp.RSH, AluOp.MOD, AluOp.SMOD, AluOp.XOR, AluOp.MOV, AluOp.ARSH,
            AluOp.MOVSX8, AluOp.MOVSX16, AluOp.MOVSX32};

    static long concrete(AluOp op, Width w, long a, long b) {
        if (w == Width.W32) {
            int x = (int) a, y = (int) b;
            int r = switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> y == 0 ? 0 : Integer.divideUnsigned(x, y);
                case SDIV -> y == 0 ? 0 : (x == Integer.MIN_VALUE && y == -1 ? x : x / y);
                case MOD -> y == 0 ? x : Integer.remainderUnsigned(x, y);
                case SMOD -> y == 0 ? x : (y == -1 ? 0 : x % y);
                case OR -> x | y;
                case AND -> x & y;
                case XOR -> x ^ y;
                case LSH -> x << y;
                case RSH -> x >>> y;
                case ARSH -> x >> y;
                case MOV -> y;
                case MOVSX8 -> (byte) y;
                case MOVSX16 -> (short) y;
                default -> throw new IllegalArgumentException();
            };
            return Integer.toUnsignedLong(r);
        }
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> b == 0 ? 0 : Long.divideUnsigned(a, b);
            case SDIV -> b == 0 ? 0 : (a == Long.MIN_VALUE && b == -1 ? a : a / b);
            case MOD -> b == 0 ? a : Long.remainderUnsigned(a, b);
            case SMOD -> b == 0 ? a : (b == -1 ? 0 : a % b);
            case OR -> a | b;
            case AND -> a & b;
            case XOR -> a ^ b;
            case LSH -> a << b;
            case RSH -> a >>> b;
            case ARSH -> a >> b;
            case MOV -> b;
            case MOVSX8 -> (byte) b;
            case MOVSX16 -> (short) b;
            case MOVSX32 -> (int) b;
            default -> throw new IllegalArgumentException();
        };
    }

    @Property(tries = 4000)
    void aluResultsContainConcreteResults(@ForAll("members") Member d, @ForAll("members") Member s,
                                          @ForAll Width w, @ForAll("ops") AluOp op) {
        if (w == Width.W32 && op == AluOp.MOVSX32) return;
        long shiftBits = w.bits();
        Member src = s;
        if ((op == AluOp.LSH || op == AluOp.RSH || op == AluOp.ARSH) && Long.compareUnsigned(s.x(), shiftBits) >= 0) {
            src = new Member(s.abs(), Math.floorMod(s.x(), shiftBits)); // the kernel only tracks in-range shifts
            if (!s.abs().contains(src.x())) return;
        }
        long z = concrete(op, w, d.x(), src.x());
        List<Scalar> outs = Alu.outcomes(d.abs(), op, w, src.abs());
        assertThat(outs.stream().anyMatch(o -> o.contains(z)))
                .as("%s %s %s %s = %s misses %d", d.abs(), op, w, src.abs(), outs, z).isTrue();
    }

    @Provide
    Arbitrary<AluOp> ops() {
        return Arbitraries.of(OPS);
    }

    @Property(tries = 1500)
    void negAndEndianAreSound(@ForAll("members") Member d, @ForAll Width w, @ForAll Insn.Endian.Kind kind,
                              @ForAll("swapBits") int bits) {
        long neg = w == Width.W32 ? Integer.toUnsignedLong(-(int) d.x()) : -d.x();
        assertThat(Alu.neg(d.abs(), w).contains(neg)).isTrue();
        long x = d.x();
        long e = switch (kind) {
            case LE -> bits == 64 ? x : x & ((1L << bits) - 1);
            case BE, BSWAP -> bits == 16 ? Short.reverseBytes((short) x) & 0xffffL
                    : bits == 32 ? Integer.toUnsignedLong(Integer.reverseBytes((int) x)) : Long.reverseBytes(x);
        };
        assertThat(Alu.endian(d.abs(), kind, bits).contains(e)).as("%s %s%d", d.abs(), kind, bits).isTrue();
    }

    @Provide
    Arbitrary<Integer> swapBits() {
        return Arbitraries.of(16, 32, 64);
    }

    static boolean holds(JmpOp op, Width w, long a, long b) {
        if (w == Width.W32) {
            a = (int) a;
            b = (int) b;
            long ua = a & 0xffffffffL, ub = b & 0xffffffffL;
            return switch (op) {
                case JEQ -> a == b;
                case JNE -> a != b;
                case JSET -> (a & b) != 0;
                case JGT -> ua > ub;
                case JGE -> ua >= ub;
                case JLT -> ua < ub;
                case JLE -> ua <= ub;
                case JSGT -> a > b;
                case JSGE -> a >= b;
                case JSLT -> a < b;
                case JSLE -> a <= b;
            };
        }
        return switch (op) {
            case JEQ -> a == b;
            case JNE -> a != b;
            case JSET -> (a & b) != 0;
            case JGT -> Long.compareUnsigned(a, b) > 0;
            case JGE -> Long.compareUnsigned(a, b) >= 0;
            case JLT -> Long.compareUnsigned(a, b) < 0;
            case JLE -> Long.compareUnsigned(a, b) <= 0;
            case JSGT -> a > b;
            case JSGE -> a >= b;
            case JSLT -> a < b;
            case JSLE -> a <= b;
        };
    }

    @Property(tries = 3000)
    void branchesKeepEveryPair(@ForAll("members") Member a, @ForAll("members") Member b,
                               @ForAll JmpOp op, @ForAll Width w) {
        boolean h = holds(op, w, a.x(), b.x());
        Branch.Outcome o = Branch.taken(op, w, a.abs(), b.abs());
        assertThat(o).isNotEqualTo(h ? Branch.Outcome.FALSE : Branch.Outcome.TRUE);
        Branch.Refined r = Branch.refine(op, w, a.abs(), b.abs(), h);
        assertThat(r.a().contains(a.x()) && r.b().contains(b.x()))
                .as("%s %s %s %s taken=%s → %s", a.abs(), op, w, b.abs(), h, r).isTrue();
    }

    @Test
    void printsAsThe618Log() {
        assertThat(Scalar.constant(1)).hasToString("1");
        assertThat(Scalar.constant(-1)).hasToString("-1");
        assertThat(Scalar.constant(70000)).hasToString("0x11170");
        assertThat(Scalar.constant(-70000)).hasToString("0xfffffffffffeee90");
        assertThat(Scalar.unknown()).hasToString("scalar()");
        assertThat(Alu.apply(Scalar.unknown(), AluOp.AND, Width.W64, Scalar.constant(240)))
                .hasToString("scalar(smin=smin32=0,smax=umax=smax32=umax32=240,var_off=(0x0; 0xf0))");
        // kernel 6.18.44: r0 |= 3584 on an unknown value
        assertThat(Alu.apply(Scalar.unknown(), AluOp.OR, Width.W64, Scalar.constant(3584))).hasToString(
                "scalar(smin=0x8000000000000e00,umin=umin32=3584,smin32=0x80000e00,var_off=(0xe00; 0xfffffffffffff1ff))");
        // r0 s>>= 63 then r0 &= 5: the verifier forks (maybe_fork_scalars): 5 now, 0 later
        Scalar sign = Alu.apply(Scalar.unknown(), AluOp.ARSH, Width.W64, Scalar.constant(63));
        assertThat(sign).hasToString("scalar(smin=smin32=-1,smax=smax32=0)");
        assertThat(Alu.outcomes(sign, AluOp.AND, Width.W64, Scalar.constant(5)).toString()).isEqualTo("[5, 0]");
        // a tnum and a range sharing one value (6.18 stable): if r0 == 0xe00 falls through to 3840
        Scalar two = Alu.apply(Alu.apply(Scalar.unknown(), AluOp.OR, Width.W64, Scalar.constant(3584)),
                AluOp.AND, Width.W64, Scalar.constant(3840));
        assertThat(Branch.refine(JmpOp.JEQ, Width.W64, two, Scalar.constant(0xe00), false).a()).hasToString("3840");
    }
}
