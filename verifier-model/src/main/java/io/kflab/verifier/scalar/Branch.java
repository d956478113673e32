package io.kflab.verifier.scalar;

import io.kflab.bpf.isa.JmpOp;
import io.kflab.bpf.isa.Width;
import io.kflab.verifier.tnum.Tnum;

/**
 * Conditional jumps between scalars (kernel: is_scalar_branch_taken for the outcome,
 * reg_set_min_max / regs_refine_cond_op for the states of both successors), as of Linux 6.18.
 * An immediate operand is passed as {@code Scalar.constant((long) imm)}.
 */
public final class Branch {
    private Branch() {}

    /** Whether the jump is always taken, never taken, or either (kernel: is_branch_taken's 1, 0, -1). */
    public enum Outcome { TRUE, FALSE, UNKNOWN }

    /** The two registers of {@code if a op b} as refined on one successor. */
    public record Refined(Scalar a, Scalar b) {}

    /** Which way {@code if a op b goto} goes (kernel: is_scalar_branch_taken). */
    public static Outcome taken(JmpOp op, Width width, Scalar a, Scalar b) {
        boolean j32 = width == Width.W32;
        Tnum t1 = j32 ? a.varOff().subreg() : a.varOff();
        Tnum t2 = j32 ? b.varOff().subreg() : b.varOff();
        long umin1 = j32 ? Integer.toUnsignedLong(a.umin32()) : a.umin();
        long umax1 = j32 ? Integer.toUnsignedLong(a.umax32()) : a.umax();
        long smin1 = j32 ? a.smin32() : a.smin();
        long smax1 = j32 ? a.smax32() : a.smax();
        long umin2 = j32 ? Integer.toUnsignedLong(b.umin32()) : b.umin();
        long umax2 = j32 ? Integer.toUnsignedLong(b.umax32()) : b.umax();
        long smin2 = j32 ? b.smin32() : b.smin();
        long smax2 = j32 ? b.smax32() : b.smax();
        switch (op) {
            case JEQ, JNE -> {
                Outcome eq = op == JmpOp.JEQ ? Outcome.TRUE : Outcome.FALSE;
                Outcome ne = op == JmpOp.JEQ ? Outcome.FALSE : Outcome.TRUE;
                if (t1.isConst() && t2.isConst()) return t1.value() == t2.value() ? eq : ne;
                long known = ~t1.mask() & ~t2.mask();
                if ((t1.value() & known) != (t2.value() & known)) return ne;
                if (Reg.ult(umax2, umin1) || Reg.ult(umax1, umin2)) return ne;
                if (smin1 > smax2 || smax1 < smin2) return ne;
                if (!j32) {
                    if (Reg.ult32(b.umax32(), a.umin32()) || Reg.ult32(a.umax32(), b.umin32())) return ne;
                    if (a.smin32() > b.smax32() || a.smax32() < b.smin32()) return ne;
                }
                return Outcome.UNKNOWN;
            }
            case JSET -> {
                if (!isConst(b, j32)) {
                    Tnum t = t1;
                    t1 = t2;
                    t2 = t;
                    if (!isConst(a, j32)) return Outcome.UNKNOWN;
                }
                if ((~t1.mask() & t1.value() & t2.value()) != 0) return Outcome.TRUE;
                if (((t1.mask() | t1.value()) & t2.value()) == 0) return Outcome.FALSE;
                return Outcome.UNKNOWN;
            }
            case JGT -> {
                return Reg.ult(umax2, umin1) ? Outcome.TRUE : !Reg.ult(umin2, umax1) ? Outcome.FALSE : Outcome.UNKNOWN;
            }
            case JSGT -> {
                return smin1 > smax2 ? Outcome.TRUE : smax1 <= smin2 ? Outcome.FALSE : Outcome.UNKNOWN;
            }
            case JLT -> {
                return Reg.ult(umax1, umin2) ? Outcome.TRUE : !Reg.ult(umin1, umax2) ? Outcome.FALSE : Outcome.UNKNOWN;
            }
            case JSLT -> {
                return smax1 < smin2 ? Outcome.TRUE : smin1 >= smax2 ? Outcome.FALSE : Outcome.UNKNOWN;
            }
            case JGE -> {
                return !Reg.ult(umin1, umax2) ? Outcome.TRUE : Reg.ult(umax1, umin2) ? Outcome.FALSE : Outcome.UNKNOWN;
            }
            case JSGE -> {
                return smin1 >= smax2 ? Outcome.TRUE : smax1 < smin2 ? Outcome.FALSE : Outcome.UNKNOWN;
            }
            case JLE -> {
                return !Reg.ult(umin2, umax1) ? Outcome.TRUE : Reg.ult(umax2, umin1) ? Outcome.FALSE : Outcome.UNKNOWN;
            }
            case JSLE -> {
                return smax1 <= smin2 ? Outcome.TRUE : smin1 > smax2 ? Outcome.FALSE : Outcome.UNKNOWN;
            }
        }
        throw new AssertionError(op);
    }

    private static boolean isConst(Scalar s, boolean j32) {
        return (j32 ? s.varOff().subreg() : s.varOff()).isConst();
    }

    private static long constValue(Reg r, boolean j32) {
        return j32 ? r.varOff.subreg().value() : r.varOff.value();
    }

    /**
     * Both registers on the successor where the jump is {@code taken} (true) or falls through
     * (kernel: reg_set_min_max: regs_refine_cond_op with the condition or its reverse, then
     * reg_bounds_sync of each). Meaningful when {@link #taken} is UNKNOWN; on a dead successor the
     * bounds may become empty.
     */
    public static Refined refine(JmpOp op, Width width, Scalar a, Scalar b, boolean taken) {
        Reg r1 = new Reg(a), r2 = new Reg(b);
        boolean j32 = width == Width.W32;
        if (taken) refineCond(r1, r2, op, false, j32);
        else refineCond(r1, r2, reverse(op), op == JmpOp.JSET, j32);
        r1.sync();
        r2.sync();
        return new Refined(r1.freeze(), r2.freeze());
    }

    private static JmpOp reverse(JmpOp op) {
        return switch (op) {
            case JEQ -> JmpOp.JNE;
            case JNE -> JmpOp.JEQ;
            case JSET -> JmpOp.JSET; // with notSet
            case JGE -> JmpOp.JLT;
            case JGT -> JmpOp.JLE;
            case JLE -> JmpOp.JGT;
            case JLT -> JmpOp.JGE;
            case JSGE -> JmpOp.JSLT;
            case JSGT -> JmpOp.JSLE;
            case JSLE -> JmpOp.JSGT;
            case JSLT -> JmpOp.JSGE;
        };
    }

    private static JmpOp flip(JmpOp op) {
        return switch (op) {
            case JGE -> JmpOp.JLE;
            case JGT -> JmpOp.JLT;
            case JSGE -> JmpOp.JSLE;
            case JSGT -> JmpOp.JSLT;
            default -> op;
        };
    }

    /** regs_refine_cond_op; {@code notSet} is the kernel's reversed JSET (BPF_JSET | BPF_X). */
    private static void refineCond(Reg r1, Reg r2, JmpOp op, boolean notSet, boolean j32) {
        if (op == JmpOp.JGE || op == JmpOp.JGT || op == JmpOp.JSGE || op == JmpOp.JSGT) {
            op = flip(op);
            Reg t = r1;
            r1 = r2;
            r2 = t;
        }
        switch (op) {
            case JEQ -> {
                if (j32) {
                    r1.umin32 = Reg.umax32(r1.umin32, r2.umin32);
                    r1.umax32 = Reg.umin32(r1.umax32, r2.umax32);
                    r1.smin32 = Math.max(r1.smin32, r2.smin32);
                    r1.smax32 = Math.min(r1.smax32, r2.smax32);
                    r2.umin32 = r1.umin32;
                    r2.umax32 = r1.umax32;
                    r2.smin32 = r1.smin32;
                    r2.smax32 = r1.smax32;
                    Tnum t = Tnum.intersect(r1.varOff.subreg(), r2.varOff.subreg());
                    r1.varOff = r1.varOff.withSubreg(t);
                    r2.varOff = r2.varOff.withSubreg(t);
                } else {
                    r1.umin = Reg.umax64(r1.umin, r2.umin);
                    r1.umax = Reg.umin64(r1.umax, r2.umax);
                    r1.smin = Math.max(r1.smin, r2.smin);
                    r1.smax = Math.min(r1.smax, r2.smax);
                    r2.umin = r1.umin;
                    r2.umax = r1.umax;
                    r2.smin = r1.smin;
                    r2.smax = r1.smax;
                    r1.varOff = Tnum.intersect(r1.varOff, r2.varOff);
                    r2.varOff = r1.varOff;
                }
            }
            case JNE -> {
                if (!isConst(r2.freeze(), j32)) {
                    Reg t = r1;
                    r1 = r2;
                    r2 = t;
                }
                if (!isConst(r2.freeze(), j32)) return;
                long val = constValue(r2, j32);
                if (j32) {
                    if (r1.umin32 == (int) val) r1.umin32++;
                    if (r1.umax32 == (int) val) r1.umax32--;
                    if (r1.smin32 == (int) val) r1.smin32++;
                    if (r1.smax32 == (int) val) r1.smax32--;
                } else {
                    if (r1.umin == val) r1.umin++;
                    if (r1.umax == val) r1.umax--;
                    if (r1.smin == val) r1.smin++;
                    if (r1.smax == val) r1.smax--;
                }
            }
            case JSET -> {
                if (!isConst(r2.freeze(), j32)) {
                    Reg t = r1;
                    r1 = r2;
                    r2 = t;
                }
                if (!isConst(r2.freeze(), j32)) return;
                long val = constValue(r2, j32);
                if (notSet) {
                    r1.unbounded();
                    if (j32) {
                        Tnum t = Tnum.and(r1.varOff.subreg(), Tnum.constant(~val));
                        r1.varOff = r1.varOff.withSubreg(t);
                    } else {
                        r1.varOff = Tnum.and(r1.varOff, Tnum.constant(~val));
                    }
                } else {
                    if (Long.bitCount(val) != 1) return;
                    if (j32) {
                        Tnum t = Tnum.or(r1.varOff.subreg(), Tnum.constant(val));
                        r1.varOff = r1.varOff.withSubreg(t);
                    } else {
                        r1.varOff = Tnum.or(r1.varOff, Tnum.constant(val));
                    }
                }
            }
            case JLE -> {
                if (j32) {
                    r1.umax32 = Reg.umin32(r1.umax32, r2.umax32);
                    r2.umin32 = Reg.umax32(r1.umin32, r2.umin32);
                } else {
                    r1.umax = Reg.umin64(r1.umax, r2.umax);
                    r2.umin = Reg.umax64(r1.umin, r2.umin);
                }
            }
            case JLT -> {
                if (j32) {
                    r1.umax32 = Reg.umin32(r1.umax32, r2.umax32 - 1);
                    r2.umin32 = Reg.umax32(r1.umin32 + 1, r2.umin32);
                } else {
                    r1.umax = Reg.umin64(r1.umax, r2.umax - 1);
                    r2.umin = Reg.umax64(r1.umin + 1, r2.umin);
                }
            }
            case JSLE -> {
                if (j32) {
                    r1.smax32 = Math.min(r1.smax32, r2.smax32);
                    r2.smin32 = Math.max(r1.smin32, r2.smin32);
                } else {
                    r1.smax = Math.min(r1.smax, r2.smax);
                    r2.smin = Math.max(r1.smin, r2.smin);
                }
            }
            case JSLT -> {
                if (j32) {
                    r1.smax32 = Math.min(r1.smax32, r2.smax32 - 1);
                    r2.smin32 = Math.max(r1.smin32 + 1, r2.smin32);
                } else {
                    r1.smax = Math.min(r1.smax, r2.smax - 1);
                    r2.smin = Math.max(r1.smin + 1, r2.smin);
                }
            }
            default -> {}
        }
    }
}
