package io.kflab.verifier.scalar;

import io.kflab.bpf.isa.AluOp;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Width;
import io.kflab.verifier.tnum.Tnum;
import java.util.List;

/**
 * ALU transfer functions on scalars (kernel: adjust_scalar_min_max_vals with the
 * scalar(32)_min_max_* functions, and the scalar cases of check_alu_op), as of Linux 6.18.
 */
public final class Alu {
    private Alu() {}

    /**
     * {@code dst op= src} as the verifier continues on the current path. An immediate operand is
     * passed as {@code Scalar.constant((long) imm)} (the kernel sign-extends it, for ALU and ALU64).
     */
    public static Scalar apply(Scalar dst, AluOp op, Width width, Scalar src) {
        return outcomes(dst, op, width, src).getFirst();
    }

    /**
     * Every state the verifier goes on with: one, or two when AND/OR with a constant splits a
     * register in [-1, 0] (kernel: maybe_fork_scalars): first the current path (dst = -1), then the
     * pushed one (dst = 0), which the kernel re-verifies from the same instruction.
     */
    public static List<Scalar> outcomes(Scalar dst, AluOp op, Width width, Scalar src) {
        boolean alu32 = width == Width.W32;
        switch (op) {
            case MOV -> {
                if (!alu32) return List.of(src);
                Reg r = new Reg(src);
                r.zext();
                r.sync();
                return List.of(r.freeze());
            }
            case MOVSX8, MOVSX16, MOVSX32 -> {
                Reg r = new Reg(src);
                int size = op.movsxBits() / 8;
                if (!alu32) {
                    r.coerceToSizeSx(size);
                } else {
                    if (size == 4) throw new IllegalArgumentException("no 32-bit MOVSX32");
                    r.coerceSubregToSizeSx(size);
                    r.zext();
                    r.sync();
                }
                return List.of(r.freeze());
            }
            default -> {}
        }
        if (!safeToCompute(op, alu32, src)) return List.of(Scalar.UNKNOWN);
        if ((op == AluOp.AND || op == AluOp.OR) && src.varOff().isConst()) {
            Reg fork = new Reg(dst), cur = new Reg(dst);
            boolean split = true;
            if (dst.smin() == -1 && dst.smax() == 0) {
                fork.markKnown(0);
                cur.markKnown(-1);
            } else if (dst.smin32() == -1 && dst.smax32() == 0) {
                fork.mark32Known(0);
                cur.mark32Known(-1);
            } else {
                split = false;
            }
            if (split) {
                return List.of(compute(cur, op, alu32, src), compute(fork, op, alu32, src));
            }
        }
        return List.of(compute(new Reg(dst), op, alu32, src));
    }

    /** {@code dst = -dst} (kernel: BPF_NEG in adjust_scalar_min_max_vals, 6.13+). */
    public static Scalar neg(Scalar dst, Width width) {
        Reg src = new Reg(dst);
        Reg r = new Reg(dst);
        r.markKnown(0);
        sub32(r, src);
        sub64(r, src);
        r.varOff = Tnum.neg(src.varOff);
        if (width == Width.W32) r.zext();
        r.sync();
        return r.freeze();
    }

    /**
     * Byte order conversion on a little-endian machine (kernel: scalar_byte_swap, 6.18 stable):
     * a swap where one happens (bswap, be), then truncation to 16 or 32 bits; never zero-extended.
     */
    public static Scalar endian(Scalar dst, Insn.Endian.Kind kind, int bits) {
        Reg r = new Reg(dst);
        if (kind != Insn.Endian.Kind.LE) {
            Tnum t = r.varOff;
            r.varOff = switch (bits) {
                case 16 -> new Tnum(Short.reverseBytes((short) t.value()) & 0xffffL,
                        Short.reverseBytes((short) t.mask()) & 0xffffL);
                case 32 -> new Tnum(Integer.toUnsignedLong(Integer.reverseBytes((int) t.value())),
                        Integer.toUnsignedLong(Integer.reverseBytes((int) t.mask())));
                default -> new Tnum(Long.reverseBytes(t.value()), Long.reverseBytes(t.mask()));
            };
            r.unbounded();
        }
        if (bits == 16 || bits == 32) r.coerceToSize(bits / 8);
        r.sync();
        return r.freeze();
    }

    /** is_safe_to_compute_dst_reg_range: otherwise the result is unknown (no zero extension). */
    static boolean safeToCompute(AluOp op, boolean alu32, Scalar src) {
        return switch (op) {
            case ADD, SUB, AND, XOR, OR, MUL -> true;
            case LSH, RSH, ARSH -> {
                boolean isConst = alu32
                        ? src.varOff().subreg().isConst() && src.smin32() == src.smax32() && src.umin32() == src.umax32()
                        : src.varOff().isConst() && src.smin() == src.smax() && src.umin() == src.umax();
                yield isConst && Reg.ult(src.umax(), alu32 ? 32 : 64);
            }
            default -> false; // DIV, SDIV, MOD, SMOD: 6.18 has no range tracking for them
        };
    }

    private static Scalar compute(Reg d, AluOp op, boolean alu32, Scalar srcScalar) {
        Reg s = new Reg(srcScalar);
        switch (op) {
            case ADD -> {
                add32(d, s);
                add64(d, s);
                d.varOff = Tnum.add(d.varOff, s.varOff);
            }
            case SUB -> {
                sub32(d, s);
                sub64(d, s);
                d.varOff = Tnum.sub(d.varOff, s.varOff);
            }
            case MUL -> {
                d.varOff = Tnum.mul(d.varOff, s.varOff);
                mul32(d, s);
                mul64(d, s);
            }
            case AND -> {
                d.varOff = Tnum.and(d.varOff, s.varOff);
                and32(d, s);
                and64(d, s);
            }
            case OR -> {
                d.varOff = Tnum.or(d.varOff, s.varOff);
                or32(d, s);
                or64(d, s);
            }
            case XOR -> {
                d.varOff = Tnum.xor(d.varOff, s.varOff);
                xor32(d, s);
                xor64(d, s);
            }
            case LSH -> {
                if (alu32) lsh32(d, s); else lsh64(d, s);
            }
            case RSH -> {
                if (alu32) rsh32(d, s); else rsh64(d, s);
            }
            case ARSH -> {
                if (alu32) arsh32(d, s); else arsh64(d, s);
            }
            default -> throw new IllegalArgumentException(op.name());
        }
        if (alu32) d.zext();
        d.sync();
        return d.freeze();
    }

    // ---- add / sub (6.18: unsigned bounds survive when both ends wrap alike) ----
    static void add32(Reg d, Reg s) {
        long lo = (long) d.smin32 + s.smin32, hi = (long) d.smax32 + s.smax32;
        if (lo != (int) lo || hi != (int) hi) {
            d.smin32 = Integer.MIN_VALUE;
            d.smax32 = Integer.MAX_VALUE;
        } else {
            d.smin32 = (int) lo;
            d.smax32 = (int) hi;
        }
        long ulo = Integer.toUnsignedLong(d.umin32) + Integer.toUnsignedLong(s.umin32);
        long uhi = Integer.toUnsignedLong(d.umax32) + Integer.toUnsignedLong(s.umax32);
        boolean minOv = ulo > Reg.U32_MAX, maxOv = uhi > Reg.U32_MAX;
        d.umin32 = (int) ulo;
        d.umax32 = (int) uhi;
        if (!minOv && maxOv) {
            d.umin32 = 0;
            d.umax32 = -1;
        }
    }

    static void add64(Reg d, Reg s) {
        long lo = d.smin + s.smin, hi = d.smax + s.smax;
        if (((d.smin ^ lo) & (s.smin ^ lo)) < 0 || ((d.smax ^ hi) & (s.smax ^ hi)) < 0) {
            d.smin = Long.MIN_VALUE;
            d.smax = Long.MAX_VALUE;
        } else {
            d.smin = lo;
            d.smax = hi;
        }
        long ulo = d.umin + s.umin, uhi = d.umax + s.umax;
        boolean minOv = Reg.ult(ulo, d.umin), maxOv = Reg.ult(uhi, d.umax);
        d.umin = ulo;
        d.umax = uhi;
        if (!minOv && maxOv) {
            d.umin = 0;
            d.umax = -1L;
        }
    }

    static void sub32(Reg d, Reg s) {
        long lo = (long) d.smin32 - s.smax32, hi = (long) d.smax32 - s.smin32;
        if (lo != (int) lo || hi != (int) hi) {
            d.smin32 = Integer.MIN_VALUE;
            d.smax32 = Integer.MAX_VALUE;
        } else {
            d.smin32 = (int) lo;
            d.smax32 = (int) hi;
        }
        boolean minUf = Reg.ult32(d.umin32, s.umax32), maxUf = Reg.ult32(d.umax32, s.umin32);
        d.umin32 -= s.umax32;
        d.umax32 -= s.umin32;
        if (minUf && !maxUf) {
            d.umin32 = 0;
            d.umax32 = -1;
        }
    }

    static void sub64(Reg d, Reg s) {
        long lo = d.smin - s.smax, hi = d.smax - s.smin;
        if (((d.smin ^ s.smax) & (d.smin ^ lo)) < 0 || ((d.smax ^ s.smin) & (d.smax ^ hi)) < 0) {
            d.smin = Long.MIN_VALUE;
            d.smax = Long.MAX_VALUE;
        } else {
            d.smin = lo;
            d.smax = hi;
        }
        boolean minUf = Reg.ult(d.umin, s.umax), maxUf = Reg.ult(d.umax, s.umin);
        d.umin -= s.umax;
        d.umax -= s.umin;
        if (minUf && !maxUf) {
            d.umin = 0;
            d.umax = -1L;
        }
    }

    // ---- mul (6.18: products of the four signed corners when none overflows) ----
    static void mul32(Reg d, Reg s) {
        long uhi = Integer.toUnsignedLong(d.umax32) * Integer.toUnsignedLong(s.umax32);
        long ulo = Integer.toUnsignedLong(d.umin32) * Integer.toUnsignedLong(s.umin32);
        if (Reg.ult(Reg.U32_MAX, uhi) || Reg.ult(Reg.U32_MAX, ulo)) { // u32 x u32 fits u64, not s64
            d.umin32 = 0;
            d.umax32 = -1;
        } else {
            d.umin32 = (int) ulo;
            d.umax32 = (int) uhi;
        }
        long[] p = {(long) d.smin32 * s.smin32, (long) d.smin32 * s.smax32,
                (long) d.smax32 * s.smin32, (long) d.smax32 * s.smax32};
        boolean ov = false;
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (long v : p) {
            if (v != (int) v) ov = true;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (ov) {
            d.smin32 = Integer.MIN_VALUE;
            d.smax32 = Integer.MAX_VALUE;
        } else {
            d.smin32 = (int) lo;
            d.smax32 = (int) hi;
        }
    }

    private static boolean smulOverflows(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        return hi != ((a * b) >> 63);
    }

    static void mul64(Reg d, Reg s) {
        if (Math.unsignedMultiplyHigh(d.umax, s.umax) != 0 || Math.unsignedMultiplyHigh(d.umin, s.umin) != 0) {
            d.umin = 0;
            d.umax = -1L;
        } else {
            d.umin *= s.umin;
            d.umax *= s.umax;
        }
        long[][] pairs = {{d.smin, s.smin}, {d.smin, s.smax}, {d.smax, s.smin}, {d.smax, s.smax}};
        boolean ov = false;
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (long[] q : pairs) {
            if (smulOverflows(q[0], q[1])) ov = true;
            long v = q[0] * q[1];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (ov) {
            d.smin = Long.MIN_VALUE;
            d.smax = Long.MAX_VALUE;
        } else {
            d.smin = lo;
            d.smax = hi;
        }
    }

    // ---- bitwise ----
    private static void signed32FromUnsigned(Reg d) {
        if (d.umin32 <= d.umax32) {
            d.smin32 = d.umin32;
            d.smax32 = d.umax32;
        } else {
            d.smin32 = Integer.MIN_VALUE;
            d.smax32 = Integer.MAX_VALUE;
        }
    }

    private static void signed64FromUnsigned(Reg d) {
        if (d.umin <= d.umax) {
            d.smin = d.umin;
            d.smax = d.umax;
        } else {
            d.smin = Long.MIN_VALUE;
            d.smax = Long.MAX_VALUE;
        }
    }

    static void and32(Reg d, Reg s) {
        Tnum t = d.varOff.subreg();
        if (s.varOff.subreg().isConst() && t.isConst()) {
            d.mark32Known(t.value());
            return;
        }
        d.umin32 = (int) t.value();
        d.umax32 = Reg.umin32(d.umax32, s.umax32);
        signed32FromUnsigned(d);
    }

    static void and64(Reg d, Reg s) {
        if (s.varOff.isConst() && d.varOff.isConst()) {
            d.markKnown(d.varOff.value());
            return;
        }
        d.umin = d.varOff.value();
        d.umax = Reg.umin64(d.umax, s.umax);
        signed64FromUnsigned(d);
        d.updateBounds();
    }

    static void or32(Reg d, Reg s) {
        Tnum t = d.varOff.subreg();
        if (s.varOff.subreg().isConst() && t.isConst()) {
            d.mark32Known(t.value());
            return;
        }
        d.umin32 = Reg.umax32(d.umin32, s.umin32);
        d.umax32 = (int) (t.value() | t.mask());
        signed32FromUnsigned(d);
    }

    static void or64(Reg d, Reg s) {
        if (s.varOff.isConst() && d.varOff.isConst()) {
            d.markKnown(d.varOff.value());
            return;
        }
        d.umin = Reg.umax64(d.umin, s.umin);
        d.umax = d.varOff.value() | d.varOff.mask();
        signed64FromUnsigned(d);
        d.updateBounds();
    }

    static void xor32(Reg d, Reg s) {
        Tnum t = d.varOff.subreg();
        if (s.varOff.subreg().isConst() && t.isConst()) {
            d.mark32Known(t.value());
            return;
        }
        d.umin32 = (int) t.value();
        d.umax32 = (int) (t.value() | t.mask());
        signed32FromUnsigned(d);
    }

    static void xor64(Reg d, Reg s) {
        if (s.varOff.isConst() && d.varOff.isConst()) {
            d.markKnown(d.varOff.value());
            return;
        }
        d.umin = d.varOff.value();
        d.umax = d.varOff.value() | d.varOff.mask();
        signed64FromUnsigned(d);
        d.updateBounds();
    }

    // ---- shifts (the amount is a known constant below the width) ----
    private static void lsh32Bounds(Reg d, long umin, long umax) {
        d.smin32 = Integer.MIN_VALUE;
        d.smax32 = Integer.MAX_VALUE;
        if (Reg.ult(31, umax) || Reg.ult(1L << (31 - umax), Integer.toUnsignedLong(d.umax32))) {
            d.umin32 = 0;
            d.umax32 = -1;
        } else {
            d.umin32 <<= umin;
            d.umax32 <<= umax;
        }
    }

    static void lsh32(Reg d, Reg s) {
        long umin = Integer.toUnsignedLong(s.umin32), umax = Integer.toUnsignedLong(s.umax32);
        Tnum sub = d.varOff.subreg();
        lsh32Bounds(d, umin, umax);
        d.varOff = sub.lshift((int) umin).subreg();
        d.unbounded64();
        d.update32Bounds();
    }

    static void lsh64(Reg d, Reg s) {
        long umin = s.umin, umax = s.umax;
        if (umin == 32 && umax == 32) {
            d.smax = (long) d.smax32 << 32;
            d.smin = (long) d.smin32 << 32;
        } else {
            d.smax = Long.MAX_VALUE;
            d.smin = Long.MIN_VALUE;
        }
        if (Reg.ult(1L << (63 - umax), d.umax)) {
            d.umin = 0;
            d.umax = -1L;
        } else {
            d.umin <<= umin;
            d.umax <<= umax;
        }
        lsh32Bounds(d, umin, umax);
        d.varOff = d.varOff.lshift((int) umin);
        d.updateBounds();
    }

    static void rsh32(Reg d, Reg s) {
        Tnum sub = d.varOff.subreg();
        int umin = s.umin32, umax = s.umax32;
        d.smin32 = Integer.MIN_VALUE;
        d.smax32 = Integer.MAX_VALUE;
        d.varOff = sub.rshift(umin);
        d.umin32 >>>= umax;
        d.umax32 >>>= umin;
        d.unbounded64();
        d.update32Bounds();
    }

    static void rsh64(Reg d, Reg s) {
        int umin = (int) s.umin, umax = (int) s.umax;
        d.smin = Long.MIN_VALUE;
        d.smax = Long.MAX_VALUE;
        d.varOff = d.varOff.rshift(umin);
        d.umin >>>= umax;
        d.umax >>>= umin;
        d.unbounded32();
        d.updateBounds();
    }

    static void arsh32(Reg d, Reg s) {
        int umin = s.umin32;
        d.smin32 >>= umin;
        d.smax32 >>= umin;
        d.varOff = d.varOff.subreg().arshift(umin, 32);
        d.umin32 = 0;
        d.umax32 = -1;
        d.unbounded64();
        d.update32Bounds();
    }

    static void arsh64(Reg d, Reg s) {
        int umin = (int) s.umin;
        d.smin >>= umin;
        d.smax >>= umin;
        d.varOff = d.varOff.arshift(umin, 64);
        d.umin = 0;
        d.umax = -1L;
        d.unbounded32();
        d.updateBounds();
    }

    /** A loaded value narrowed to {@code size} bytes (kernel: coerce_reg_to_size; sign-extending: coerce_reg_to_size_sx). */
    public static Scalar coerce(Scalar s, int size, boolean signExtend) {
        if (size >= 8) return s;
        Reg r = new Reg(s);
        if (signExtend) r.coerceToSizeSx(size); else r.coerceToSize(size);
        return r.freeze();
    }
}
