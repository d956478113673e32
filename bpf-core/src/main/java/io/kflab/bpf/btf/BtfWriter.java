package io.kflab.bpf.btf;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes types into a BTF blob (kernel: the raw format BPF_BTF_LOAD takes): header, type
 * section, optional layout section and a deduplicated string section. The first type in the
 * list gets id 1. Invalid types (names with NUL, fields out of range) get IllegalArgumentException.
 */
public final class BtfWriter {
    private static final int MAX_VLEN = 0xffffff;

    private ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
    private boolean layout;

    /** A writer for little-endian BTF with the 24-byte header. */
    public BtfWriter() {}

    /** Encodes {@code types} little-endian with the 24-byte header (layout only if needed). */
    public static byte[] write(List<? extends BtfType> types) {
        return new BtfWriter().encode(types);
    }

    /** Sets the byte order of the blob. */
    public BtfWriter byteOrder(ByteOrder order) {
        this.byteOrder = order;
        return this;
    }

    /**
     * Whether to write the 32-byte header with a layout section describing every kind. A layout
     * section is always written when a {@link BtfUnknownKind} is among the types.
     */
    public BtfWriter layout(boolean withLayout) {
        this.layout = withLayout;
        return this;
    }

    /** Encodes the types; the first becomes id 1. */
    public byte[] encode(List<? extends BtfType> types) {
        boolean be = byteOrder == ByteOrder.BIG_ENDIAN;
        Strings strings = new Strings();
        Sink out = new Sink(be);
        Map<Integer, BtfLayout> unknownLayouts = new HashMap<>();
        int maxKind = BtfKind.KNOWN_COUNT - 1;
        for (BtfType t : types) {
            encodeType(t, out, strings);
            if (t instanceof BtfUnknownKind u) {
                BtfLayout l = new BtfLayout(u.infoSize(), u.elemSize(), 0);
                BtfLayout prev = unknownLayouts.putIfAbsent(u.kindNumber(), l);
                if (prev != null && !prev.equals(l)) {
                    throw new IllegalArgumentException("kind " + u.kindNumber() + " has two different layouts");
                }
                maxKind = Math.max(maxKind, u.kindNumber());
            }
        }
        boolean withLayout = layout || !unknownLayouts.isEmpty();
        int typeLen = out.size();
        Sink layoutSink = new Sink(be);
        if (withLayout) {
            for (int k = 0; k <= maxKind; k++) {
                BtfLayout l = k < BtfKind.KNOWN_COUNT ? new BtfLayout(BtfParser.INFO_SIZE[k], BtfParser.ELEM_SIZE[k], 0)
                        : unknownLayouts.getOrDefault(k, new BtfLayout(0, 0, 0));
                layoutSink.u8(l.infoSize());
                layoutSink.u8(l.elemSize());
                layoutSink.u16(l.flags());
            }
        }
        byte[] str = strings.bytes();
        int hdrLen = withLayout ? BtfHeader.LAYOUT_LENGTH : BtfHeader.BASE_LENGTH;
        Sink blob = new Sink(be);
        blob.u16(BtfHeader.MAGIC);
        blob.u8(BtfHeader.VERSION);
        blob.u8(0);
        blob.u32(hdrLen);
        blob.u32(0);
        blob.u32(typeLen);
        blob.u32(typeLen + layoutSink.size());
        blob.u32(str.length);
        if (withLayout) {
            blob.u32(typeLen);
            blob.u32(layoutSink.size());
        }
        blob.bytes(out.toArray());
        blob.bytes(layoutSink.toArray());
        blob.bytes(str);
        return blob.toArray();
    }

    private static void encodeType(BtfType t, Sink out, Strings strings) {
        int name = strings.offset(t.name());
        switch (t) {
            case BtfVoid v -> throw new IllegalArgumentException("void is type id 0 and is not written");
            case BtfInt i -> {
                head(out, name, 1, false, 0, i.size());
                if (i.encoding() < 0 || i.encoding() > 0xf || i.offset() < 0 || i.offset() > 0xff || i.bits() < 0 || i.bits() > 0xff) {
                    throw new IllegalArgumentException("INT " + i.name() + ": encoding, offset or bits out of range");
                }
                out.u32(i.encoding() << 24 | i.offset() << 16 | i.bits());
            }
            case BtfPtr p -> head(out, name, 2, false, 0, p.type());
            case BtfArray a -> {
                head(out, name, 3, false, 0, 0);
                out.u32(a.type());
                out.u32(a.indexType());
                out.u32(a.nelems());
            }
            case BtfStruct s -> members(out, name, 4, s.size(), s.kindFlag(), s.members(), strings);
            case BtfUnion u -> members(out, name, 5, u.size(), u.kindFlag(), u.members(), strings);
            case BtfEnum e -> {
                head(out, name, 6, e.signed(), vlen(e.values().size()), e.size());
                for (BtfEnumValue v : e.values()) {
                    out.u32(strings.offset(v.name()));
                    out.u32((int) v.value());
                }
            }
            case BtfFwd f -> head(out, name, 7, f.union(), 0, 0);
            case BtfTypedef td -> head(out, name, 8, false, 0, td.type());
            case BtfVolatile v -> head(out, name, 9, false, 0, v.type());
            case BtfConst c -> head(out, name, 10, false, 0, c.type());
            case BtfRestrict r -> head(out, name, 11, false, 0, r.type());
            case BtfFunc f -> head(out, name, 12, false, f.linkage().ordinal(), f.type());
            case BtfFuncProto p -> {
                head(out, name, 13, false, vlen(p.params().size() + (p.variadic() ? 1 : 0)), p.returnType());
                for (BtfParam prm : p.params()) {
                    out.u32(strings.offset(prm.name()));
                    out.u32(prm.type());
                }
                if (p.variadic()) {
                    out.u32(0);
                    out.u32(0);
                }
            }
            case BtfVar v -> {
                head(out, name, 14, false, 0, v.type());
                out.u32(v.linkage().ordinal());
            }
            case BtfDatasec d -> {
                head(out, name, 15, false, vlen(d.vars().size()), d.size());
                for (BtfVarSecinfo s : d.vars()) {
                    out.u32(s.type());
                    out.u32(s.offset());
                    out.u32(s.size());
                }
            }
            case BtfFloat f -> head(out, name, 16, false, 0, f.size());
            case BtfDeclTag d -> {
                head(out, name, 17, d.attribute(), 0, d.type());
                out.u32(d.componentIdx());
            }
            case BtfTypeTag tt -> head(out, name, 18, tt.attribute(), 0, tt.type());
            case BtfEnum64 e -> {
                head(out, name, 19, e.signed(), vlen(e.values().size()), e.size());
                for (BtfEnumValue v : e.values()) {
                    out.u32(strings.offset(v.name()));
                    out.u32((int) v.value());
                    out.u32((int) (v.value() >>> 32));
                }
            }
            case BtfUnknownKind u -> {
                if (u.kindNumber() < BtfKind.KNOWN_COUNT || u.kindNumber() > 0x7f || u.infoSize() % 4 != 0
                        || u.elemSize() % 4 != 0 || u.infoSize() > 0xff || u.elemSize() > 0xff
                        || (long) u.infoSize() + (long) vlen(u.vlen()) * u.elemSize() != u.data().length) {
                    throw new IllegalArgumentException("unknown kind " + u.kindNumber() + ": inconsistent layout or data");
                }
                head(out, name, u.kindNumber(), u.kindFlag(), u.vlen(), u.sizeOrType());
                out.bytes(u.data());
            }
        }
    }

    private static void members(Sink out, int name, int kind, int size, boolean kindFlag, List<BtfMember> members,
            Strings strings) {
        head(out, name, kind, kindFlag, vlen(members.size()), size);
        for (BtfMember m : members) {
            out.u32(strings.offset(m.name()));
            out.u32(m.type());
            if (kindFlag) {
                if (m.bitOffset() < 0 || m.bitOffset() > 0xffffff || m.bitfieldSize() < 0 || m.bitfieldSize() > 0xff) {
                    throw new IllegalArgumentException("member " + m.name() + ": bit offset or bitfield size out of range");
                }
                out.u32(m.bitfieldSize() << 24 | m.bitOffset());
            } else {
                if (m.bitfieldSize() != 0) {
                    throw new IllegalArgumentException("member " + m.name() + ": a bitfield needs kind_flag");
                }
                out.u32(m.bitOffset());
            }
        }
    }

    private static int vlen(int n) {
        if (n < 0 || n > MAX_VLEN) {
            throw new IllegalArgumentException("vlen " + n + " out of range 0.." + MAX_VLEN);
        }
        return n;
    }

    private static void head(Sink out, int name, int kind, boolean kindFlag, int vlen, int sizeOrType) {
        out.u32(name);
        out.u32((kindFlag ? 1 << 31 : 0) | kind << 24 | vlen);
        out.u32(sizeOrType);
    }

    /** The string section under construction: each distinct string once, "" at offset 0. */
    private static final class Strings {
        private final Map<String, Integer> offsets = new HashMap<>();
        private final List<byte[]> parts = new ArrayList<>();
        private int size = 1;

        int offset(String s) {
            if (s.isEmpty()) {
                return 0;
            }
            Integer known = offsets.get(s);
            if (known != null) {
                return known;
            }
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a BTF name cannot contain NUL: " + s);
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int off = size;
            parts.add(b);
            size += b.length + 1;
            offsets.put(s, off);
            return off;
        }

        byte[] bytes() {
            byte[] out = new byte[size];
            int at = 1;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length + 1;
            }
            return out;
        }
    }

    /** A growable byte buffer writing integers in one byte order. */
    private static final class Sink {
        private final boolean bigEndian;
        private byte[] buf = new byte[256];
        private int size;

        Sink(boolean bigEndian) {
            this.bigEndian = bigEndian;
        }

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void u8(int v) {
            room(1);
            buf[size++] = (byte) v;
        }

        void u16(int v) {
            room(2);
            BtfBytes.put16(buf, size, v, bigEndian);
            size += 2;
        }

        void u32(int v) {
            room(4);
            BtfBytes.put32(buf, size, v, bigEndian);
            size += 4;
        }

        void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
