package io.kflab.bpf.btf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** A small hand-made type graph covering every kind, and helpers to patch encoded blobs. */
final class BtfFixtures {
    private BtfFixtures() {}

    static final int INT = 1, UINT = 2, CHAR = 3, U32 = 4, CONST_U32 = 5, CHAR_PTR = 6, TASK = 7, CHAR_8 = 8,
            TASK_PTR = 9, ACQUIRE_PROTO = 10, ACQUIRE = 11, KFUNC_TAG = 12, FASTCALL_TAG = 13, COLOR = 14, BIG = 15,
            ANON_UNION = 16, OUTER = 17, CB_PTR = 18, MAT = 19, CB_PROTO = 20, VOLATILE_INT = 21, RESTRICT_PTR = 22,
            USER_TAG = 23, USER_PTR = 24, COUNTER = 25, DATA = 26, DOUBLE = 27, SOCK = 28, ARG_TAG = 29,
            CONST_PTR = 30, LOOP_FREE = 31, ARRAY_PTR = 32;

    /** Types with ids 1..32 (see the constants). */
    static List<BtfType> sample() {
        List<BtfType> t = new ArrayList<>();
        t.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
        t.add(new BtfInt("unsigned int", 4, 0, 0, 32));
        t.add(new BtfInt("char", 1, BtfInt.SIGNED | BtfInt.CHAR, 0, 8));
        t.add(new BtfTypedef("u32", UINT));
        t.add(new BtfConst("", U32));
        t.add(new BtfPtr("", CHAR));
        t.add(new BtfStruct("task", 16, true, List.of(
                new BtfMember("pid", INT, 0, 0),
                new BtfMember("flags", U32, 32, 3),
                new BtfMember("state", U32, 35, 5),
                new BtfMember("comm", CHAR_8, 64, 0))));
        t.add(new BtfArray("", CHAR, UINT, 8));
        t.add(new BtfPtr("", TASK));
        t.add(new BtfFuncProto("", TASK_PTR, List.of(new BtfParam("p", TASK_PTR)), false));
        t.add(new BtfFunc("task_acquire", ACQUIRE_PROTO, BtfFuncLinkage.GLOBAL));
        t.add(new BtfDeclTag("bpf_kfunc", ACQUIRE, -1, false));
        t.add(new BtfDeclTag("bpf_fastcall", ACQUIRE, -1, false));
        t.add(new BtfEnum("color", 4, true, List.of(new BtfEnumValue("RED", -1), new BtfEnumValue("GREEN", 0),
                new BtfEnumValue("BLUE", 7))));
        t.add(new BtfEnum64("big", 8, false, List.of(new BtfEnumValue("HUGE", 0xffff_ffff_ffff_fff0L))));
        t.add(new BtfUnion("", 8, false, List.of(new BtfMember("a", INT, 0, 0), new BtfMember("b", TASK_PTR, 0, 0))));
        t.add(new BtfStruct("outer", 24, false, List.of(new BtfMember("", ANON_UNION, 0, 0),
                new BtfMember("cb", CB_PTR, 64, 0), new BtfMember("mat", MAT, 128, 0))));
        t.add(new BtfPtr("", CB_PROTO));
        t.add(new BtfArray("", CHAR_8, UINT, 1));
        t.add(new BtfFuncProto("", INT, List.of(new BtfParam("", CONST_U32), new BtfParam("", CHAR_PTR)), true));
        t.add(new BtfVolatile("", INT));
        t.add(new BtfRestrict("", CHAR_PTR));
        t.add(new BtfTypeTag("user", CHAR, false));
        t.add(new BtfPtr("", USER_TAG));
        t.add(new BtfVar("counter", VOLATILE_INT, BtfVarLinkage.GLOBAL_ALLOCATED));
        t.add(new BtfDatasec(".data", 4, List.of(new BtfVarSecinfo(COUNTER, 0, 4))));
        t.add(new BtfFloat("double", 8));
        t.add(new BtfFwd("sock", false));
        t.add(new BtfDeclTag("arg", TASK, 1, true));
        t.add(new BtfConst("", CHAR_PTR));
        t.add(new BtfTypedef("loop_free", CONST_PTR));
        t.add(new BtfPtr("", CHAR_8));
        return t;
    }

    /** Reads a 32-bit field of a little-endian blob. */
    static int u32(byte[] blob, int at) {
        return ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    /** A copy of a little-endian blob with a 32-bit field replaced. */
    static byte[] with32(byte[] blob, int at, int value) {
        byte[] copy = blob.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return copy;
    }
}
