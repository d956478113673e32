package io.kflab.bpf.btf;

import static io.kflab.bpf.btf.BtfFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.kflab.bpf.diag.BadInputException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BtfFixtureTest {
    private final byte[] blob = BtfWriter.write(sample());
    private final Btf btf = Btf.parse(blob, "fixture");
    private final BtfRenderer renderer = new BtfRenderer(btf);

    @Test
    void roundTripsEveryKind() {
        assertEquals(sample(), btf.types());
        assertEquals(sample().size(), btf.size());
        assertEquals(BtfVoid.INSTANCE, btf.type(0));
        assertEquals(BtfHeader.BASE_LENGTH, btf.header().hdrLen());
        assertFalse(btf.header().hasLayout());
        assertArrayEquals(blob, BtfWriter.write(btf.types()), "writing is canonical");
    }

    @Test
    void roundTripsBigEndianAndWithLayout() {
        byte[] be = new BtfWriter().byteOrder(ByteOrder.BIG_ENDIAN).layout(true).encode(sample());
        assertEquals((byte) 0xeb, be[0]);
        Btf parsed = Btf.parse(be, "be");
        assertEquals(ByteOrder.BIG_ENDIAN, parsed.header().byteOrder());
        assertEquals(BtfHeader.LAYOUT_LENGTH, parsed.header().hdrLen());
        assertEquals(BtfKind.KNOWN_COUNT, parsed.layouts().size());
        assertEquals(new BtfLayout(12, 0, 0), parsed.layouts().get(BtfKind.ARRAY.number()));
        assertEquals(new BtfLayout(0, 12, 0), parsed.layouts().get(BtfKind.ENUM64.number()));
        assertEquals(sample(), parsed.types());
    }

    @Test
    void deduplicatesStrings() {
        List<BtfType> twice = List.of(new BtfInt("int", 4, 1, 0, 32), new BtfTypedef("int", 1),
                new BtfStruct("s", 4, false, List.of(new BtfMember("int", 1, 0, 0))));
        Btf parsed = Btf.parse(BtfWriter.write(twice), "dedup");
        assertEquals("\0int\0s\0".length(), parsed.header().strLen());
        assertEquals(List.of(1, 2), parsed.findAllByName("int"));
    }

    @Test
    void skipsAnUnknownKindDescribedByTheLayout() {
        List<BtfType> types = new ArrayList<>(sample());
        BtfUnknownKind mystery = new BtfUnknownKind("mystery", 42, true, 2, 7, 4, 8,
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
        types.add(mystery);                                                  // id 33
        types.add(new BtfPtr("", 33));                                       // id 34
        types.add(new BtfStruct("after", 4, false, List.of(new BtfMember("x", INT, 0, 0)))); // id 35
        byte[] withLayout = BtfWriter.write(types);
        Btf parsed = Btf.parse(withLayout, "layout");
        assertEquals(43, parsed.layouts().size());
        assertEquals(new BtfLayout(4, 8, 0), parsed.layouts().get(42));
        assertEquals(mystery, parsed.type(33));
        assertEquals(BtfKind.UNKNOWN_KIND, parsed.kind(33));
        assertEquals(35, parsed.findByName("after").getAsInt());
        assertEquals(List.of(new BtfMember("x", INT, 0, 0)), parsed.members(35));
        assertEquals(types, parsed.types());

        // the same blob with the layout section dropped from the header: kind 42 is now bad input
        byte[] noLayout = with32(withLayout, 28, 0);
        BadInputException e = assertThrows(BadInputException.class, () -> Btf.parse(noLayout, "nolayout"));
        assertTrue(e.getMessage().contains("found kind 42 for type [33]"), e.getMessage());
        assertEquals("nolayout: byte " + (parsed.offset(33) + 4), e.location());
    }

    @Test
    void resolvesAndSizes() {
        assertEquals(UINT, btf.resolve(CONST_U32));
        assertEquals(CHAR_PTR, btf.resolve(LOOP_FREE));
        assertEquals(INT, btf.resolve(INT));
        assertEquals(16, btf.sizeOf(TASK));
        assertEquals(8, btf.sizeOf(CHAR_8));
        assertEquals(8, btf.sizeOf(MAT));
        assertEquals(4, btf.sizeOf(CONST_U32));
        assertEquals(4, btf.sizeOf(COUNTER));
        assertEquals(8, btf.sizeOf(TASK_PTR));
        assertThrows(IllegalArgumentException.class, () -> btf.sizeOf(ACQUIRE));
        assertThrows(IllegalArgumentException.class, () -> btf.type(33));
    }

    @Test
    void membersCarryByteAndBitOffsets() {
        List<BtfMember> m = btf.members(TASK);
        assertEquals(List.of("pid", "flags", "state", "comm"), m.stream().map(BtfMember::name).toList());
        assertEquals(4, m.get(1).byteOffset());
        assertEquals(3, m.get(1).bitfieldSize());
        assertEquals(35, m.get(2).bitOffset());
        assertEquals(4, m.get(2).byteOffset());
        assertTrue(m.get(2).isBitfield());
        assertEquals(8, m.get(3).byteOffset());
        assertFalse(m.get(3).isBitfield());
    }

    @Test
    void findsFunctionsTagsAndEnums() {
        assertEquals(List.of(ACQUIRE), btf.kfuncs());
        assertTrue(btf.isFastcall(ACQUIRE));
        assertFalse(btf.isFastcall(TASK));
        assertEquals(List.of(new BtfParam("p", TASK_PTR)), btf.params(ACQUIRE));
        assertEquals(TASK_PTR, btf.proto(ACQUIRE).returnType());
        assertEquals(List.of(new BtfDeclTag("arg", TASK, 1, true)), btf.declTags(TASK));
        assertEquals(ACQUIRE, btf.findByName("task_acquire", BtfKind.FUNC).getAsInt());
        assertTrue(btf.findByName("task_acquire", BtfKind.STRUCT).isEmpty());
        assertTrue(btf.findByName("nothing").isEmpty());
        assertEquals(-1, btf.enumValue("color", "RED").getAsLong());
        assertEquals(7, btf.enumValue("color", "BLUE").getAsLong());
        assertEquals(0xffff_ffff_ffff_fff0L, btf.enumValue("big", "HUGE").getAsLong());
        assertTrue(btf.enumValue("color", "PINK").isEmpty());
        assertEquals(List.of("RED", "GREEN", "BLUE"), btf.enumValues("color").stream().map(BtfEnumValue::name).toList());
        BtfFuncProto cb = (BtfFuncProto) btf.type(CB_PROTO);
        assertTrue(cb.variadic());
        assertEquals(2, cb.params().size());
    }

    @Test
    void rendersStructsWithOffsets() {
        assertEquals("""
                struct task {
                \tint pid; /* off 0, size 4 */
                \tu32 flags: 3; /* off 4, bit off 32, bits 3 */
                \tu32 state: 5; /* off 4, bit off 35, bits 5 */
                \tchar comm[8]; /* off 8, size 8 */
                }; /* size 16 */""", renderer.render(TASK));
        assertEquals("""
                struct outer {
                \tunion {
                \t\tint a; /* off 0, size 4 */
                \t\tstruct task *b; /* off 0, size 8 */
                \t}; /* off 0, size 8 */
                \tint (*cb)(const u32, char *, ...); /* off 8, size 8 */
                \tchar mat[1][8]; /* off 16, size 8 */
                }; /* size 24 */""", renderer.render(OUTER));
    }

    @Test
    void rendersFunctionsEnumsTypedefsAndDeclarators() {
        assertEquals("struct task *task_acquire(struct task *p)", renderer.render(ACQUIRE));
        assertEquals("enum color {\n\tRED = -1,\n\tGREEN = 0,\n\tBLUE = 7\n}; /* size 4 */", renderer.render(COLOR));
        assertTrue(renderer.render(BIG).contains("HUGE = 18446744073709551600"));
        assertEquals("typedef char *const loop_free;", renderer.render(LOOP_FREE));
        assertEquals("char *restrict", renderer.typeName(RESTRICT_PTR));
        assertEquals("char __attribute__((btf_type_tag(\"user\"))) *", renderer.typeName(USER_PTR));
        assertEquals("char (*)[8]", renderer.typeName(ARRAY_PTR));
        assertEquals("char (*p)[8]", renderer.declaration(ARRAY_PTR, "p"));
        assertEquals("int (*)(const u32, char *, ...)", renderer.typeName(CB_PTR));
        assertEquals("const u32", renderer.typeName(CONST_U32));
        assertEquals("volatile int x", renderer.declaration(VOLATILE_INT, "x"));
        assertEquals("struct sock;", renderer.render(SOCK));
        assertEquals("void", renderer.typeName(0));
        assertEquals("/* DATASEC .data */ {\n\tvolatile int counter; /* off 0, size 4 */\n}; /* size 4 */",
                renderer.render(DATA));
    }

    @Test
    void sharedFunctionPointerGraphsRenderCutShort() {
        // proto[k] takes eight pointers to proto[k-1]: written out in full, proto[20] would be 8^20 declarators
        List<BtfType> t = new java.util.ArrayList<>();
        t.add(new BtfInt("int", 4, 1, 0, 32));
        t.add(new BtfFuncProto("", 1, List.of(), false));
        for (int k = 0; k < 20; k++) {
            int proto = t.size();
            t.add(new BtfPtr("", proto));
            List<BtfParam> ps = java.util.Collections.nCopies(8, new BtfParam("f", proto + 1));
            t.add(new BtfFuncProto("", 1, ps, false));
        }
        Btf hostile = Btf.parse(BtfWriter.write(t), "hostile");
        String text = new BtfRenderer(hostile).typeName(hostile.size());
        assertTrue(text.startsWith("int (int (*f)(int (*f)("), text);
        assertTrue(text.contains("/* ... */"));
        assertTrue(text.length() < 100_000, "length " + text.length());
    }
}
