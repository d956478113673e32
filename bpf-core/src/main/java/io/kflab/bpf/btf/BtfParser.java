package io.kflab.bpf.btf;

import io.kflab.bpf.diag.BadInputException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Checks a BTF blob's header, sections and types and finds where each type starts. */
final class BtfParser {
    /** Bytes of the singular part after struct btf_type, indexed by known kind. */
    static final int[] INFO_SIZE = {0, 4, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 4, 0, 0};
    /** Bytes per vlen element after struct btf_type, indexed by known kind (0: vlen counts nothing). */
    static final int[] ELEM_SIZE = {0, 0, 0, 0, 12, 12, 8, 0, 0, 0, 0, 0, 0, 8, 0, 12, 0, 0, 0, 12};
    /** Size of struct btf_type. */
    static final int TYPE_HEADER = 12;

    private final byte[] data;
    private final String source;
    private boolean bigEndian;

    private BtfParser(byte[] data, String source) {
        this.data = data;
        this.source = source;
    }

    static Btf parse(byte[] data, String source) {
        return new BtfParser(data, source).parse();
    }

    private BadInputException bad(long at, String message) {
        return new BadInputException(source + ": byte " + at, message);
    }

    private int u32(int at) {
        return BtfBytes.u32(data, at, bigEndian);
    }

    private Btf parse() {
        if (data.length < 2) {
            throw bad(0, "expected BTF magic 0xeb9f, found " + data.length + " bytes of data");
        }
        int magic = (data[0] & 0xff) | (data[1] & 0xff) << 8;
        if (magic == 0xeb9f) {
            bigEndian = false;
        } else if (magic == 0x9feb) {
            bigEndian = true;
        } else {
            throw bad(0, String.format("expected BTF magic 0xeb9f, found 0x%04x", magic));
        }
        if (data.length < BtfHeader.BASE_LENGTH) {
            throw bad(data.length, "expected a BTF header of at least 24 bytes, file has " + data.length);
        }
        int version = data[2] & 0xff;
        if (version != BtfHeader.VERSION) {
            throw bad(2, "expected BTF version 1, found " + version);
        }
        int flags = data[3] & 0xff;
        if (flags != 0) {
            throw bad(3, "expected BTF header flags 0, found " + flags);
        }
        long hdrLen = Integer.toUnsignedLong(u32(4));
        if (hdrLen < BtfHeader.BASE_LENGTH || hdrLen > data.length || hdrLen % 4 != 0) {
            throw bad(4, "expected a header length of at least 24, a multiple of 4 and within the "
                    + data.length + "-byte file, found " + hdrLen);
        }
        int typeOff = u32(8), typeLen = u32(12), strOff = u32(16), strLen = u32(20);
        int layoutOff = 0, layoutLen = 0;
        if (hdrLen >= BtfHeader.LAYOUT_LENGTH) {
            layoutOff = u32(24);
            layoutLen = u32(28);
        }
        int knownEnd = hdrLen >= BtfHeader.LAYOUT_LENGTH ? BtfHeader.LAYOUT_LENGTH : BtfHeader.BASE_LENGTH;
        for (int i = knownEnd; i < hdrLen; i++) {
            if (data[i] != 0) {
                throw bad(i, "expected zero in the unknown part of the BTF header, found " + (data[i] & 0xff));
            }
        }
        long avail = data.length - hdrLen;
        long typeEndRel = Integer.toUnsignedLong(typeOff) + Integer.toUnsignedLong(typeLen);
        long strOffL = Integer.toUnsignedLong(strOff), strLenL = Integer.toUnsignedLong(strLen);
        if (typeOff % 4 != 0) {
            throw bad(8, "expected type section offset aligned to 4, found " + Integer.toUnsignedString(typeOff));
        }
        if (strOffL + strLenL > avail) {
            throw bad(16, "expected string section (offset " + strOffL + ", length " + strLenL
                    + ") within the " + avail + " bytes after the header");
        }
        if (typeEndRel > strOffL) {
            throw bad(8, "expected type section (offset " + Integer.toUnsignedLong(typeOff) + ", length "
                    + Integer.toUnsignedLong(typeLen) + ") to end before the string section at " + strOffL);
        }
        List<BtfLayout> layouts = List.of();
        if (layoutLen != 0) {
            long lo = Integer.toUnsignedLong(layoutOff), ll = Integer.toUnsignedLong(layoutLen);
            if (lo % 4 != 0 || ll % BtfLayout.ENCODED_SIZE != 0) {
                throw bad(24, "expected layout section offset and length multiples of 4, found " + lo + " and " + ll);
            }
            if (lo < typeEndRel || lo + ll > strOffL) {
                throw bad(24, "expected layout section (offset " + lo + ", length " + ll
                        + ") between the type section ending at " + typeEndRel + " and the string section at " + strOffL);
            }
            int base = (int) (hdrLen + lo);
            List<BtfLayout> list = new ArrayList<>((int) (ll / 4));
            for (int at = base; at < base + ll; at += 4) {
                list.add(new BtfLayout(data[at] & 0xff, data[at + 1] & 0xff, BtfBytes.u16(data, at + 2, bigEndian)));
            }
            layouts = List.copyOf(list);
            checkLayouts(layouts, base);
        }
        int strBase = (int) (hdrLen + strOffL);
        if (strLen == 0 || data[strBase] != 0 || data[(int) (strBase + strLenL - 1)] != 0) {
            throw bad(strLen == 0 ? 20 : strBase, "expected a string section starting and ending with a NUL byte");
        }
        BtfHeader header = new BtfHeader(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, version,
                flags, (int) hdrLen, typeOff, typeLen, strOff, strLen, layoutOff, layoutLen);
        int typeBase = (int) (hdrLen + Integer.toUnsignedLong(typeOff));
        int typeEnd = (int) (hdrLen + typeEndRel);
        return scanTypes(header, layouts, typeBase, typeEnd, strBase, strLen);
    }

    private void checkLayouts(List<BtfLayout> layouts, int base) {
        for (int k = 0; k < layouts.size(); k++) {
            BtfLayout l = layouts.get(k);
            if (l.infoSize() % 4 != 0 || l.elemSize() % 4 != 0) {
                throw bad(base + 4L * k, "expected layout sizes for kind " + k + " to be multiples of 4, found info "
                        + l.infoSize() + " and element " + l.elemSize());
            }
            if (k >= 1 && k < BtfKind.KNOWN_COUNT && (l.infoSize() != INFO_SIZE[k] || l.elemSize() != ELEM_SIZE[k])) {
                throw bad(base + 4L * k, "expected layout of " + BtfKind.of(k) + " to be info " + INFO_SIZE[k]
                        + ", element " + ELEM_SIZE[k] + ", found " + l.infoSize() + ", " + l.elemSize());
            }
        }
    }

    private Btf scanTypes(BtfHeader header, List<BtfLayout> layouts, int typeBase, int typeEnd, int strBase, int strLen) {
        // every type takes at least 12 bytes: this bounds the id arrays by the input size
        int max = (typeEnd - typeBase) / TYPE_HEADER + 1;
        int[] offsets = new int[max];
        byte[] kinds = new byte[max];
        int count = 0;
        int p = typeBase;
        while (p < typeEnd) {
            if (typeEnd - p < TYPE_HEADER) {
                throw bad(p, "expected a 12-byte btf_type, only " + (typeEnd - p) + " bytes left in the type section");
            }
            int info = u32(p + 4);
            int kind = (info >>> 24) & 0x7f;
            long vlen = info & 0xffffff;
            long extra;
            if (kind >= 1 && kind < BtfKind.KNOWN_COUNT) {
                extra = INFO_SIZE[kind] + vlen * ELEM_SIZE[kind];
            } else if (kind != 0 && kind < layouts.size()) {
                BtfLayout l = layouts.get(kind);
                extra = l.infoSize() + vlen * l.elemSize();
            } else {
                throw bad(p + 4, "expected a known BTF kind (1.." + (BtfKind.KNOWN_COUNT - 1) + ")"
                        + (layouts.isEmpty() ? "" : " or one described by the layout section") + ", found kind " + kind
                        + " for type [" + (count + 1) + "]");
            }
            long end = (long) p + TYPE_HEADER + extra;
            if (end > typeEnd) {
                throw bad(p, "type [" + (count + 1) + "] " + kindName(kind) + " with vlen " + vlen + " needs " + (end - p)
                        + " bytes, only " + (typeEnd - p) + " left in the type section");
            }
            offsets[++count - 1] = p;
            kinds[count - 1] = (byte) kind;
            p = (int) end;
        }
        int[] trimmedOffsets = java.util.Arrays.copyOf(offsets, count);
        byte[] trimmedKinds = java.util.Arrays.copyOf(kinds, count);
        Btf btf = new Btf(source, data, header, layouts, trimmedOffsets, trimmedKinds, strBase, strLen);
        new BtfChecker(btf, this::bad).check();
        return btf;
    }

    static String kindName(int kind) {
        BtfKind k = BtfKind.of(kind);
        return k == BtfKind.UNKNOWN_KIND ? "kind " + kind : k.name();
    }

    /** Makes a bad-input exception for a byte position. */
    @FunctionalInterface
    interface Complaint {
        BadInputException at(long position, String message);
    }
}
