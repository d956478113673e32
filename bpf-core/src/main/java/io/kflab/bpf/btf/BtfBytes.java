package io.kflab.bpf.btf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reads fixed-size integers from a byte array in one byte order (helper, not a kernel concept). */
final class BtfBytes {
    private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private BtfBytes() {}

    static int u32(byte[] data, int offset, boolean bigEndian) {
        return bigEndian ? (int) BE.get(data, offset) : (int) LE.get(data, offset);
    }

    static int u16(byte[] data, int offset, boolean bigEndian) {
        return (bigEndian ? (short) BE16.get(data, offset) : (short) LE16.get(data, offset)) & 0xffff;
    }

    static void put32(byte[] data, int offset, int value, boolean bigEndian) {
        if (bigEndian) {
            BE.set(data, offset, value);
        } else {
            LE.set(data, offset, value);
        }
    }

    static void put16(byte[] data, int offset, int value, boolean bigEndian) {
        if (bigEndian) {
            BE16.set(data, offset, (short) value);
        } else {
            LE16.set(data, offset, (short) value);
        }
    }
}
