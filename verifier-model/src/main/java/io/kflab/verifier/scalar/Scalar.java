package io.kflab.verifier.scalar;

import io.kflab.verifier.tnum.Tnum;

/**
 * The verifier's abstract value of a scalar register (kernel: the scalar part of struct
 * bpf_reg_state, as kept in sync by reg_bounds_sync): a tnum and signed/unsigned bounds of the full
 * 64 bits and of the low 32 bits. Unsigned fields hold the unsigned value's bit pattern.
 */
public record Scalar(Tnum varOff, long smin, long smax, long umin, long umax,
                     int smin32, int smax32, int umin32, int umax32) {

    /** A known value (kernel: __mark_reg_known). */
    public static Scalar constant(long value) {
        Reg r = new Reg(UNKNOWN);
        r.markKnown(value);
        return r.freeze();
    }

    /** Any 64-bit value (kernel: __mark_reg_unknown). */
    public static final Scalar UNKNOWN = new Scalar(Tnum.UNKNOWN, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1L,
            Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);

    /** Any 64-bit value (kernel: __mark_reg_unknown). */
    public static Scalar unknown() {
        return UNKNOWN;
    }

    /** The values {@code umin..umax} (unsigned), synced. */
    public static Scalar range(long umin, long umax) {
        Reg r = new Reg(UNKNOWN);
        r.umin = umin;
        r.umax = umax;
        r.sync();
        return r.freeze();
    }

    /** The values of a tnum, synced. */
    public static Scalar of(Tnum t) {
        return UNKNOWN.withVarOff(t).sync();
    }

    /** This with another tnum, bounds unchanged and not synced. */
    public Scalar withVarOff(Tnum t) {
        return new Scalar(t, smin, smax, umin, umax, smin32, smax32, umin32, umax32);
    }

    /** Bounds and tnum tightened from each other (kernel: reg_bounds_sync). */
    public Scalar sync() {
        Reg r = new Reg(this);
        r.sync();
        return r.freeze();
    }

    public boolean isConst() {
        return varOff.isConst();
    }

    /** Whether the 64-bit value {@code x} satisfies the tnum and all eight bounds. */
    public boolean contains(long x) {
        int w = (int) x;
        return varOff.contains(x)
                && smin <= x && x <= smax
                && !Reg.ult(x, umin) && !Reg.ult(umax, x)
                && smin32 <= w && w <= smax32
                && !Reg.ult32(w, umin32) && !Reg.ult32(umax32, w);
    }

    /** Whether the bounds describe no value at all (kernel: range_bounds_violation). */
    public boolean isEmptyRange() {
        return Reg.ult(umax, umin) || smax < smin || Reg.ult32(umax32, umin32) || smax32 < smin32;
    }

    /**
     * As the 6.18 verifier log prints an imprecise scalar register after {@code R1=}
     * (print_reg_state, print_scalar_ranges, tnum_strn): {@code 5}, {@code 0xfffffffffffeee90},
     * {@code scalar(smin=smin32=0,smax=umax=smax32=umax32=240,var_off=(0x0; 0xf0))}.
     */
    @Override
    public String toString() {
        if (varOff.isConst()) return snum(varOff.value());
        String[] names = {"smin", "smax", "umin", "umax", "smin32", "smax32", "umin32", "umax32"};
        long[] vals = {smin, smax, umin, umax, s32print(smin32), s32print(smax32),
                Integer.toUnsignedLong(umin32), Integer.toUnsignedLong(umax32)};
        boolean[] omit = {smin == Long.MIN_VALUE, smax == Long.MAX_VALUE, umin == 0, umax == -1L,
                smin32 == Integer.MIN_VALUE, smax32 == Integer.MAX_VALUE, umin32 == 0, umax32 == -1};
        StringBuilder sb = new StringBuilder("scalar(");
        String sep = "";
        for (int i = 0; i < 8; i++) {
            if (omit[i]) continue;
            boolean neg = names[i].charAt(0) == 's' && vals[i] < 0;
            sb.append(sep).append(names[i]).append('=');
            sep = ",";
            for (int j = i + 2; j < 8; j += 2) {
                if (omit[j] || vals[j] != vals[i]) continue;
                boolean neg2 = names[j].charAt(0) == 's' && vals[j] < 0;
                if (neg2 != neg) continue;
                omit[j] = true;
                sb.append(names[j]).append('=');
            }
            sb.append(names[i].charAt(0) == 's' ? snum(vals[i]) : unum(vals[i]));
        }
        if (!varOff.equals(Tnum.UNKNOWN)) sb.append(sep).append("var_off=").append(varOff);
        return sb.append(')').toString();
    }

    private static long s32print(int v) {
        return isSnumDecimal(v) ? v : Integer.toUnsignedLong(v);
    }

    private static boolean isSnumDecimal(long v) {
        return v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
    }

    static String snum(long v) {
        return isSnumDecimal(v) ? Long.toString(v) : "0x" + Long.toHexString(v);
    }

    static String unum(long v) {
        return !Reg.ult(0xffffL, v) ? Long.toString(v) : "0x" + Long.toHexString(v);
    }
}
