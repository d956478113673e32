package io.kflab.verifier.selftest;

/** A C integer constant with its type's width and signedness (int, unsigned int, long, unsigned long). */
record CValue(long value, int bits, boolean unsigned) {
    static final CValue ZERO = new CValue(0, 32, false);

    CValue {
        value = normalize(value, bits, unsigned);
    }

    static long normalize(long v, int bits, boolean unsigned) {
        return switch (bits) {
            case 8 -> unsigned ? v & 0xff : (byte) v;
            case 16 -> unsigned ? v & 0xffff : (short) v;
            case 32 -> unsigned ? v & 0xffff_ffffL : (int) v;
            default -> v;
        };
    }

    static CValue ofInt(long v) {
        return new CValue(v, 32, false);
    }

    static CValue ofBool(boolean b) {
        return ofInt(b ? 1 : 0);
    }

    /** The usual arithmetic conversions, simplified to int/long and their unsigned forms. */
    static int commonBits(CValue a, CValue b) {
        return Math.max(Math.max(a.bits, b.bits), 32);
    }

    static boolean commonUnsigned(CValue a, CValue b) {
        int bits = commonBits(a, b);
        return (a.unsigned && a.bits >= bits) || (b.unsigned && b.bits >= bits);
    }

    /** This value promoted to at least int. */
    CValue promoted() {
        return bits >= 32 ? this : ofInt(value);
    }
}
