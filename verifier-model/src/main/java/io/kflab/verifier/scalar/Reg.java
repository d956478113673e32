package io.kflab.verifier.scalar;

import io.kflab.verifier.tnum.Tnum;

/**
 * Mutable working copy of a scalar register (kernel: the scalar part of struct bpf_reg_state); the
 * transfer functions update it in place, in the kernel's order, and {@link #freeze()} it.
 */
final class Reg {
    static final long U32_MAX = 0xffff_ffffL;

    Tnum varOff;
    long smin, smax, umin, umax;
    int smin32, smax32, umin32, umax32;

    Reg(Scalar s) {
        varOff = s.varOff();
        smin = s.smin();
        smax = s.smax();
        umin = s.umin();
        umax = s.umax();
        smin32 = s.smin32();
        smax32 = s.smax32();
        umin32 = s.umin32();
        umax32 = s.umax32();
    }

    Reg copy() {
        return new Reg(freeze());
    }

    Scalar freeze() {
        return new Scalar(varOff, smin, smax, umin, umax, smin32, smax32, umin32, umax32);
    }

    // ---- unsigned helpers ----
    static boolean ult(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }

    static long umax64(long a, long b) {
        return ult(a, b) ? b : a;
    }

    static long umin64(long a, long b) {
        return ult(a, b) ? a : b;
    }

    static boolean ult32(int a, int b) {
        return Integer.compareUnsigned(a, b) < 0;
    }

    static int umax32(int a, int b) {
        return ult32(a, b) ? b : a;
    }

    static int umin32(int a, int b) {
        return ult32(a, b) ? a : b;
    }

    // ---- marking ----
    /** Every bound and bit known to be {@code imm} (___mark_reg_known). */
    void markKnown(long imm) {
        varOff = Tnum.constant(imm);
        smin = smax = umin = umax = imm;
        smin32 = smax32 = umin32 = umax32 = (int) imm;
    }

    /** The low 32 bits known (__mark_reg32_known). */
    void mark32Known(long imm) {
        varOff = varOff.withSubreg(Tnum.constant(imm & U32_MAX));
        smin32 = smax32 = umin32 = umax32 = (int) imm;
    }

    void unbounded64() {
        smin = Long.MIN_VALUE;
        smax = Long.MAX_VALUE;
        umin = 0;
        umax = -1L;
    }

    void unbounded32() {
        smin32 = Integer.MIN_VALUE;
        smax32 = Integer.MAX_VALUE;
        umin32 = 0;
        umax32 = -1;
    }

    void unbounded() {
        unbounded64();
        unbounded32();
    }

    void unknown() {
        varOff = Tnum.UNKNOWN;
        unbounded();
    }

    // ---- reg_bounds_sync ----
    void update32Bounds() {
        Tnum t = varOff.subreg();
        int v = (int) t.value(), m = (int) t.mask();
        smin32 = Math.max(smin32, v | (m & Integer.MIN_VALUE));
        smax32 = Math.min(smax32, v | (m & Integer.MAX_VALUE));
        umin32 = umax32(umin32, v);
        umax32 = umin32(umax32, v | m);
    }

    void update64Bounds() {
        long v = varOff.value(), m = varOff.mask();
        smin = Math.max(smin, v | (m & Long.MIN_VALUE));
        smax = Math.min(smax, v | (m & Long.MAX_VALUE));
        umin = umax64(umin, v);
        umax = umin64(umax, v | m);
        // 6.18 (stable): the range and the tnum may share a single value
        long next = tnumStep(varOff, umin);
        boolean uminIn = varOff.contains(umin);
        long tmax = v | m;
        if (uminIn && ult(umax, next)) {
            markKnown(umin);
        } else if (!uminIn && next == tmax) {
            markKnown(tmax);
        } else if (!uminIn && !ult(umax, next) && ult(umax, tnumStep(varOff, next))) {
            markKnown(next);
        }
    }

    /** The least member of {@code t} above {@code z}; its least or greatest member outside that span (tnum_step). */
    static long tnumStep(Tnum t, long z) {
        long tmax = t.value() | t.mask();
        if (!ult(z, tmax)) return tmax;
        if (ult(z, t.value())) return t.value();
        long d = z - t.value();
        long outside = d & ~t.mask();
        // a bit of d outside the mask can only be beaten at a higher unknown bit: saturate below it
        if (outside != 0) d |= -1L >>> Long.numberOfLeadingZeros(outside);
        return t.value() | (((d | ~t.mask()) + 1) & t.mask());
    }

    void updateBounds() {
        update32Bounds();
        update64Bounds();
    }

    void deduce32() {
        if ((umin >>> 32) == (umax >>> 32)) {
            umin32 = umax32(umin32, (int) umin);
            umax32 = umin32(umax32, (int) umax);
            if ((int) umin <= (int) umax) {
                smin32 = Math.max(smin32, (int) umin);
                smax32 = Math.min(smax32, (int) umax);
            }
        }
        if ((smin >> 32) == (smax >> 32)) {
            if (!ult32((int) smax, (int) smin)) {
                umin32 = umax32(umin32, (int) smin);
                umax32 = umin32(umax32, (int) smax);
            }
            if ((int) smin <= (int) smax) {
                smin32 = Math.max(smin32, (int) smin);
                smax32 = Math.min(smax32, (int) smax);
            }
        }
        if ((int) ((umin >>> 32) + 1) == (int) (umax >>> 32) && (int) umin < 0 && (int) umax >= 0) {
            smin32 = Math.max(smin32, (int) umin);
            smax32 = Math.min(smax32, (int) umax);
        }
        if ((int) ((smin >> 32) + 1) == (int) (smax >> 32) && (int) smin < 0 && (int) smax >= 0) {
            smin32 = Math.max(smin32, (int) smin);
            smax32 = Math.min(smax32, (int) smax);
        }
        if (umin32 <= umax32) { // as signed: the u32 range does not cross the s32 sign boundary
            smin32 = Math.max(smin32, umin32);
            smax32 = Math.min(smax32, umax32);
        }
        if (!ult32(smax32, smin32)) {
            umin32 = umax32(smin32, umin32);
            umax32 = umin32(smax32, umax32);
        } else if (ult32(umax32, smin32)) {
            smin32 = umin32;
            umax32 = umin32(umax32, smax32);
        } else if (ult32(smax32, umin32)) {
            smax32 = umax32;
            umin32 = umax32(umin32, smin32);
        }
    }

    void deduce64() {
        if (umin <= umax) { // as signed
            smin = Math.max(smin, umin);
            smax = Math.min(smax, umax);
        }
        if (!ult(smax, smin)) {
            umin = umax64(smin, umin);
            umax = umin64(smax, umax);
        } else if (ult(umax, smin)) {
            smin = umin;
            umax = umin64(umax, smax);
        } else if (ult(smax, umin)) {
            smax = umax;
            umin = umax64(umin, smin);
        }
    }

    void deduceMixed() {
        long hi = ~U32_MAX;
        long u32lo = Integer.toUnsignedLong(umin32), u32hi = Integer.toUnsignedLong(umax32);
        umin = umax64(umin, (umin & hi) | u32lo);
        umax = umin64(umax, (umax & hi) | u32hi);
        smin = Math.max(smin, (smin & hi) | u32lo);
        smax = Math.min(smax, (smax & hi) | u32hi);
        if (!ult32(smax32, smin32)) {
            long slo = Integer.toUnsignedLong(smin32), shi = Integer.toUnsignedLong(smax32);
            umin = umax64(umin, (umin & hi) | slo);
            umax = umin64(umax, (umax & hi) | shi);
            smin = Math.max(smin, (smin & hi) | slo);
            smax = Math.min(smax, (smax & hi) | shi);
        }
        if (smin32 >= 0 && smin >= Integer.MIN_VALUE && smax <= Integer.MAX_VALUE) {
            smin = umin = smin32;
            smax = umax = smax32;
            varOff = Tnum.intersect(varOff, Tnum.range(smin, smax));
        }
    }

    void deduceBounds() {
        deduce32();
        deduce64();
        deduceMixed();
    }

    void boundOffset() {
        Tnum t64 = Tnum.intersect(varOff, Tnum.range(umin, umax));
        Tnum t32 = Tnum.intersect(t64.subreg(),
                Tnum.range(Integer.toUnsignedLong(umin32), Integer.toUnsignedLong(umax32)));
        varOff = Tnum.or(t64.clearSubreg(), t32);
    }

    /** reg_bounds_sync. */
    void sync() {
        updateBounds();
        deduceBounds();
        deduceBounds();
        deduceBounds();
        boundOffset();
        updateBounds();
    }

    // ---- width changes ----
    void assign32Into64() {
        umin = Integer.toUnsignedLong(umin32);
        umax = Integer.toUnsignedLong(umax32);
        if (smin32 >= 0 && smax32 >= 0) {
            smin = smin32;
            smax = smax32;
        } else {
            smin = 0;
            smax = U32_MAX;
        }
    }

    /** zext_32_to_64. */
    void zext() {
        varOff = varOff.subreg();
        assign32Into64();
    }

    /** coerce_reg_to_size: keep the low {@code size} (1, 2, 4) bytes. */
    void coerceToSize(int size) {
        varOff = varOff.cast(size);
        long mask = (1L << (size * 8)) - 1;
        if ((umin & ~mask) == (umax & ~mask)) {
            umin &= mask;
            umax &= mask;
        } else {
            umin = 0;
            umax = mask;
        }
        smin = umin;
        smax = umax;
        if (size < 4) unbounded32();
        sync();
    }

    private static long sext(long v, int size) {
        int sh = 64 - size * 8;
        return (v << sh) >> sh;
    }

    /** coerce_reg_to_size_sx: sign-extend the low {@code size} bytes to 64 bits. */
    void coerceToSizeSx(int size) {
        if (varOff.isConst()) {
            long c = sext(varOff.value(), size);
            varOff = Tnum.constant(c);
            smin = smax = umin = umax = c;
            smin32 = smax32 = umin32 = umax32 = (int) c;
            return;
        }
        int bits = size * 8;
        boolean sameTop = bits >= 64 || (smax >>> bits) == (smin >>> bits);
        if (sameTop) {
            long a = sext(smax, size), b = sext(smin, size);
            long hi = Math.max(a, b), lo = Math.min(a, b);
            if ((hi >= 0) == (lo >= 0)) {
                smin = umin = lo;
                smax = umax = hi;
                smin32 = umin32 = (int) lo;
                smax32 = umax32 = (int) hi;
                varOff = Tnum.range(lo, hi);
                return;
            }
        }
        if (size == 4) {
            // The running kernel (6.18.44 as built here) keeps a sign-extended 32-bit value's 32-bit
            // bounds (the low half is unchanged) and sign-extends them into the 64-bit ones
            // instead of forgetting everything (docs/verifier-model.md).
            smin = smin32;
            smax = smax32;
            umin = umin32 >= 0 ? Integer.toUnsignedLong(umin32) : (long) umin32;
            umax = umax32 >= 0 ? Integer.toUnsignedLong(umax32) : (long) umax32;
            varOff = Tnum.UNKNOWN;
            sync();
            return;
        }
        long m = size == 1 ? Byte.MAX_VALUE : Short.MAX_VALUE;
        smin = -m - 1;
        smax = m;
        smin32 = (int) smin;
        smax32 = (int) smax;
        umin = 0;
        umin32 = 0;
        umax = -1L;
        umax32 = -1;
        varOff = Tnum.UNKNOWN;
    }

    private static int sext32(int v, int size) {
        int sh = 32 - size * 8;
        return (v << sh) >> sh;
    }

    /** coerce_subreg_to_size_sx: sign-extend the low {@code size} (1, 2) bytes to 32 bits. */
    void coerceSubregToSizeSx(int size) {
        if (varOff.isConst()) {
            int c = sext32((int) varOff.value(), size);
            varOff = Tnum.constant(c); // as the kernel: the 64-bit tnum holds the sign-extended value
            smin32 = smax32 = umin32 = umax32 = c;
            return;
        }
        int bits = size * 8;
        if ((smax32 >>> bits) == (smin32 >>> bits)) {
            int a = sext32(smax32, size), b = sext32(smin32, size);
            int hi = Math.max(a, b), lo = Math.min(a, b);
            if ((lo >= 0) == (hi >= 0)) {
                smin32 = umin32 = lo;
                smax32 = umax32 = hi;
                varOff = Tnum.range(lo, hi).subreg();
                return;
            }
        }
        int m = size == 1 ? Byte.MAX_VALUE : Short.MAX_VALUE;
        smin32 = -m - 1;
        smax32 = m;
        umin32 = 0;
        umax32 = -1;
        varOff = Tnum.UNKNOWN.subreg();
    }
}
