package io.kflab.bpf.btf;

import static io.kflab.bpf.btf.BtfFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.kflab.bpf.diag.BadInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BtfBadInputTest {
    private final byte[] blob = BtfWriter.write(sample());
    private final Btf good = Btf.parse(blob, "fixture");

    private static BadInputException bad(byte[] data, String expectedMessagePart) {
        BadInputException e = assertThrows(BadInputException.class, () -> Btf.parse(data, "fixture"));
        assertTrue(e.getMessage().contains(expectedMessagePart), () -> "message was: " + e.getMessage());
        assertTrue(e.location().startsWith("fixture: byte "), e.location());
        return e;
    }

    private int at(int id) {
        return good.offset(id);
    }

    @Test
    void badMagic() {
        byte[] data = blob.clone();
        data[0] = 0x34;
        data[1] = 0x12;
        BadInputException e = bad(data, "expected BTF magic 0xeb9f, found 0x1234");
        assertEquals("fixture: byte 0", e.location());
        assertEquals("fixture: byte 0: expected BTF magic 0xeb9f, found 0x1234", e.oneLine());
        bad(new byte[0], "expected BTF magic");
    }

    @Test
    void everyTruncationIsBadInput() {
        for (int len = 0; len < blob.length; len++) {
            byte[] cut = Arrays.copyOf(blob, len);
            assertThrows(BadInputException.class, () -> Btf.parse(cut, "fixture"), "length " + len);
        }
        bad(Arrays.copyOf(blob, 10), "at least 24 bytes");
    }

    @Test
    void badHeaderFields() {
        byte[] v2 = blob.clone();
        v2[2] = 2;
        assertEquals("fixture: byte 2", bad(v2, "expected BTF version 1, found 2").location());
        byte[] flags = blob.clone();
        flags[3] = 1;
        bad(flags, "expected BTF header flags 0, found 1");
        bad(with32(blob, 4, 1 << 30), "header length");
        bad(with32(blob, 4, 20), "header length");
        bad(with32(blob, 20, u32(blob, 20) + 1), "string section");
        bad(with32(blob, 16, -4), "string section");
        bad(with32(blob, 12, u32(blob, 12) + 4), "to end before the string section");
        bad(with32(blob, 8, 2), "aligned to 4");
    }

    @Test
    void badStringSection() {
        byte[] data = blob.clone();
        data[data.length - 1] = 'x';
        bad(data, "NUL");
        int strLen = good.header().strLen();
        BadInputException e = bad(with32(blob, at(INT), strLen + 5), "expected a string offset below " + strLen);
        assertEquals("fixture: byte " + at(INT), e.location());
        bad(with32(blob, at(TASK) + 12 + 12, -1), "expected a string offset below"); // second member's name
    }

    @Test
    void badTypeIds() {
        BadInputException e = bad(with32(blob, at(CHAR_PTR) + 8, 1000), "expected a type id up to 32, found 1000");
        assertEquals("fixture: byte " + (at(CHAR_PTR) + 8), e.location());
        bad(with32(blob, at(TASK) + 12 + 4, -1), "found 4294967295");       // member type
        bad(with32(blob, at(ACQUIRE_PROTO) + 12 + 4, 33), "found 33");      // param type
        bad(with32(blob, at(ACQUIRE) + 8, INT), "expected a FUNC_PROTO");
        bad(with32(blob, at(DATA) + 12, 99), "found 99");                  // var_secinfo type
    }

    @Test
    void voidParametersOnlyMarkVariadic() {
        // CB_PROTO is int (const u32, char *, ...): params at +12, +20, the '...' marker at +28
        bad(with32(blob, at(CB_PROTO) + 12 + 4, 0), "expected a typed arg#1, found void");
        // a named void in last place is not the '...' marker (the kernel says "Invalid arg#3")
        int someName = u32(blob, at(TASK));
        BadInputException e = bad(with32(blob, at(CB_PROTO) + 28, someName), "nameless void");
        assertEquals("fixture: byte " + (at(CB_PROTO) + 28), e.location());
    }

    @Test
    void cyclesAreBadInput() {
        // u32 -> const u32 -> u32
        bad(with32(blob, at(U32) + 8, CONST_U32), "found a cycle");
        // a pointer to itself
        bad(with32(blob, at(TASK_PTR) + 8, TASK_PTR), "found a cycle");
        // an array of itself
        bad(with32(blob, at(CHAR_8) + 12, CHAR_8), "found a cycle");
        // a variable of its own type
        bad(with32(blob, at(COUNTER) + 8, COUNTER), "found a cycle");
    }

    @Test
    void absurdVlenAndUnknownKinds() {
        int info = u32(blob, at(TASK) + 4);
        bad(with32(blob, at(TASK) + 4, (info & ~0xffffff) | 0xffffff), "with vlen 16777215 needs");
        int kind25 = (u32(blob, at(INT) + 4) & 0x80ffffff) | 25 << 24;
        bad(with32(blob, at(INT) + 4, kind25), "found kind 25 for type [1]");
        bad(with32(blob, at(INT) + 4, u32(blob, at(INT) + 4) & 0x80ffffff), "found kind 0");
        bad(with32(blob, at(ACQUIRE) + 4, 12 << 24 | 7), "expected linkage 0..2, found 7");
        bad(with32(blob, at(COUNTER) + 12, 3), "expected linkage 0..2, found 3");
    }

    @Test
    void badDeclTags() {
        bad(with32(blob, at(ARG_TAG) + 12, 9), "expected component_idx below 4, found 9");
        bad(with32(blob, at(ARG_TAG) + 12, -2), "found -2");
        bad(with32(blob, at(ARG_TAG) + 8, INT), "needs a STRUCT, UNION or FUNC target");
    }

    @Test
    void badLayoutSections() {
        byte[] withLayout = new BtfWriter().layout(true).encode(sample());
        int typeLen = u32(withLayout, 12);
        int layoutStart = BtfHeader.LAYOUT_LENGTH + typeLen;
        byte[] wrongStruct = withLayout.clone();
        wrongStruct[layoutStart + 4 * BtfKind.STRUCT.number() + 1] = 16;
        bad(wrongStruct, "expected layout of STRUCT to be info 0, element 12, found 0, 16");
        bad(with32(withLayout, 28, 6), "multiples of 4");
        bad(with32(withLayout, 24, typeLen - 4), "between the type section");
        bad(with32(withLayout, 28, 4 * 200), "between the type section");
        byte[] odd = withLayout.clone();
        odd[layoutStart + 4 * 3] = 13;
        bad(odd, "multiples of 4");
    }

    @Test
    void nonzeroUnknownHeaderBytes() {
        byte[] longer = new BtfWriter().layout(true).encode(sample());
        // claim a 28-byte header: bytes 24..27 (the layout offset) become unknown and are not zero
        byte[] data = with32(with32(longer, 4, 28), 24, 1);
        bad(data, "unknown part of the BTF header");
    }
}
