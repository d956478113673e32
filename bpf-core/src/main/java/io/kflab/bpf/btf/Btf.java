package io.kflab.bpf.btf;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.MissingCapabilityException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A parsed BTF blob (kernel: struct btf): the header, the types by id and the string section.
 * Types are decoded from the bytes on first use and cached; type id 0 is void, ids
 * {@code 1..size()} are the types of the type section. Instances are immutable and thread-safe.
 */
public final class Btf {
    /** Where the running kernel publishes its BTF. */
    public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");
    /** Size of a pointer in the BTF this reader targets (64-bit kernels). */
    public static final int POINTER_SIZE = 8;
    /** The decl tag that marks a kernel function callable from BPF programs. */
    public static final String KFUNC_TAG = "bpf_kfunc";
    /** The decl tag that marks a function with the bpf_fastcall calling convention. */
    public static final String FASTCALL_TAG = "bpf_fastcall";

    private final String source;
    private final byte[] data;
    private final BtfHeader header;
    private final List<BtfLayout> layouts;
    private final int[] offsets;
    private final byte[] kinds;
    private final int strBase;
    private final int strLen;
    private final boolean bigEndian;
    private final BtfType[] cache;
    private volatile Map<String, Object> nameIndex;
    private volatile Map<Integer, int[]> declTagIndex;

    Btf(String source, byte[] data, BtfHeader header, List<BtfLayout> layouts, int[] offsets, byte[] kinds,
            int strBase, int strLen) {
        this.source = source;
        this.data = data;
        this.header = header;
        this.layouts = layouts;
        this.offsets = offsets;
        this.kinds = kinds;
        this.strBase = strBase;
        this.strLen = strLen;
        this.bigEndian = header.byteOrder() == ByteOrder.BIG_ENDIAN;
        this.cache = new BtfType[offsets.length + 1];
        this.cache[0] = BtfVoid.INSTANCE;
    }

    /** Parses a BTF blob; {@code sourceName} names it in error locations. */
    public static Btf parse(byte[] data, String sourceName) {
        return BtfParser.parse(data.clone(), sourceName);
    }

    /** Reads and parses a BTF file (raw BTF, as in /sys/kernel/btf). */
    public static Btf load(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        Path file = path.getFileName();
        return BtfParser.parse(bytes, file == null ? path.toString() : file.toString());
    }

    /** The running kernel's BTF from {@link #VMLINUX}; MissingCapabilityException when it is absent. */
    public static Btf vmlinux() throws IOException {
        if (!Files.isReadable(VMLINUX)) {
            throw new MissingCapabilityException("no " + VMLINUX + ": not a BTF-enabled Linux");
        }
        return load(VMLINUX);
    }

    /** The name used in error locations. */
    public String source() { return source; }

    /** The header as read. */
    public BtfHeader header() { return header; }

    /** The layout section, one entry per kind number; empty without one. */
    public List<BtfLayout> layouts() { return layouts; }

    /** Number of types in the type section; valid ids are {@code 0..size()}. */
    public int size() { return offsets.length; }

    /** The types with ids {@code 1..size()}: {@code types().get(i)} is {@code type(i + 1)}. */
    public List<BtfType> types() {
        return new AbstractList<>() {
            @Override public BtfType get(int index) {
                return type(index + 1);
            }

            @Override public int size() {
                return offsets.length;
            }
        };
    }

    /** The type with this id; 0 is void. */
    public BtfType type(int id) {
        checkId(id);
        BtfType t = cache[id];
        if (t == null) {
            t = decode(id);
            cache[id] = t;
        }
        return t;
    }

    /** The kind of the type with this id, without decoding it. */
    public BtfKind kind(int id) {
        checkId(id);
        return id == 0 ? BtfKind.UNKN : BtfKind.of(kinds[id - 1]);
    }

    /** The name of the type with this id, without decoding the rest of it; "" when anonymous. */
    public String name(int id) {
        checkId(id);
        return id == 0 ? "" : string(raw(offsets[id - 1]));
    }

    /** The lowest id of a type with this name. */
    public OptionalInt findByName(String name) {
        int[] ids = idsNamed(name);
        return ids.length == 0 ? OptionalInt.empty() : OptionalInt.of(ids[0]);
    }

    /** The lowest id of a type with this name and kind. */
    public OptionalInt findByName(String name, BtfKind kind) {
        for (int id : idsNamed(name)) {
            if (kind(id) == kind) {
                return OptionalInt.of(id);
            }
        }
        return OptionalInt.empty();
    }

    /** All ids of types with this name, ascending. */
    public List<Integer> findAllByName(String name) {
        return Arrays.stream(idsNamed(name)).boxed().toList();
    }

    /** Follows typedefs, const, volatile, restrict and type tags to the underlying type id. */
    public int resolve(int id) {
        checkId(id);
        int cur = id;
        for (int steps = 0; steps <= size(); steps++) {
            switch (kind(cur)) {
                case TYPEDEF, CONST, VOLATILE, RESTRICT, TYPE_TAG -> cur = raw(offsets[cur - 1] + 8);
                default -> {
                    return cur;
                }
            }
        }
        throw new BadInputException(source + ": type [" + id + "]", "expected a typedef/qualifier chain to end, found a cycle");
    }

    /**
     * Size in bytes of a value of this type (kernel: btf__resolve_size); pointers are
     * {@link #POINTER_SIZE}. Throws IllegalArgumentException for types without a size (void,
     * functions, forward declarations).
     */
    public long sizeOf(int id) {
        checkId(id);
        long count = 1;
        int cur = id;
        try {
            for (int steps = 0; steps <= size(); steps++) {
                BtfKind k = kind(cur);
                switch (k) {
                    case INT, ENUM, ENUM64, STRUCT, UNION, DATASEC, FLOAT -> {
                        return Math.multiplyExact(count, Integer.toUnsignedLong(raw(offsets[cur - 1] + 8)));
                    }
                    case PTR -> {
                        return Math.multiplyExact(count, (long) POINTER_SIZE);
                    }
                    case TYPEDEF, CONST, VOLATILE, RESTRICT, TYPE_TAG, VAR -> cur = raw(offsets[cur - 1] + 8);
                    case ARRAY -> {
                        count = Math.multiplyExact(count, Integer.toUnsignedLong(raw(offsets[cur - 1] + 20)));
                        cur = raw(offsets[cur - 1] + 12);
                    }
                    default -> throw new IllegalArgumentException("type [" + id + "] " + k + " has no size");
                }
            }
        } catch (ArithmeticException e) {
            throw new BadInputException(source + ": type [" + id + "]", "expected a size below 2^63 bytes, found an overflow");
        }
        throw new BadInputException(source + ": type [" + id + "]", "expected a type chain to end, found a cycle");
    }

    /** The members of the struct or union {@code id} names (after {@link #resolve}). */
    public List<BtfMember> members(int id) {
        if (type(resolve(id)) instanceof BtfType.Composite c) {
            return c.members();
        }
        throw new IllegalArgumentException("type [" + id + "] is not a struct or union");
    }

    /** The prototype of a FUNC (or the FUNC_PROTO itself). */
    public BtfFuncProto proto(int id) {
        return switch (type(id)) {
            case BtfFuncProto p -> p;
            case BtfFunc f -> (BtfFuncProto) type(f.type());
            default -> throw new IllegalArgumentException("type [" + id + "] is not a FUNC or FUNC_PROTO");
        };
    }

    /** The parameters of a FUNC or FUNC_PROTO. */
    public List<BtfParam> params(int id) {
        return proto(id).params();
    }

    /** The DECL_TAGs that point at this type (for the type itself and for its components). */
    public List<BtfDeclTag> declTags(int id) {
        checkId(id);
        int[] tags = declTagIndex().get(id);
        if (tags == null) {
            return List.of();
        }
        List<BtfDeclTag> out = new ArrayList<>(tags.length);
        for (int t : tags) {
            out.add((BtfDeclTag) type(t));
        }
        return out;
    }

    /** Whether this type carries a decl tag with this name and component_idx -1. */
    public boolean hasDeclTag(int id, String tag) {
        checkId(id);
        int[] tags = declTagIndex().get(id);
        if (tags != null) {
            for (int t : tags) {
                if (raw(offsets[t - 1] + 12) == -1 && name(t).equals(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Ids of the FUNCs tagged {@value #KFUNC_TAG} (the kernel's kfuncs), ascending. */
    public List<Integer> kfuncs() {
        return funcsTagged(KFUNC_TAG);
    }

    /** Ids of the FUNCs carrying decl tag {@code tag} with component_idx -1, ascending. */
    public List<Integer> funcsTagged(String tag) {
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : declTagIndex().entrySet()) {
            int id = e.getKey();
            if (kind(id) == BtfKind.FUNC && hasDeclTag(id, tag)) {
                out.add(id);
            }
        }
        out.sort(null);
        return out;
    }

    /** Whether a FUNC is tagged {@value #FASTCALL_TAG}. */
    public boolean isFastcall(int funcId) {
        return kind(funcId) == BtfKind.FUNC && hasDeclTag(funcId, FASTCALL_TAG);
    }

    /** The value of an enumerator of the ENUM or ENUM64 named {@code enumName}. */
    public OptionalLong enumValue(String enumName, String valueName) {
        for (BtfEnumValue v : enumValues(enumName)) {
            if (v.name().equals(valueName)) {
                return OptionalLong.of(v.value());
            }
        }
        return OptionalLong.empty();
    }

    /** The enumerators of the first ENUM or ENUM64 named {@code enumName}; empty if there is none. */
    public List<BtfEnumValue> enumValues(String enumName) {
        for (int id : idsNamed(enumName)) {
            if (type(id) instanceof BtfType.Enumeration e) {
                return e.values();
            }
        }
        return List.of();
    }

    @Override public String toString() {
        return "Btf[" + source + ", " + size() + " types]";
    }

    // ---- package-private raw access for the checker, renderer and writer ----

    int raw(int at) {
        return BtfBytes.u32(data, at, bigEndian);
    }

    int offset(int id) {
        return offsets[id - 1];
    }

    int kindNumber(int id) {
        return id == 0 ? 0 : kinds[id - 1];
    }

    int stringsLength() {
        return strLen;
    }

    boolean validNameOffset(int off) {
        return off >= 0 && off < strLen;
    }

    String string(int off) {
        if (off == 0) {
            return "";
        }
        int start = strBase + off;
        int end = start;
        while (data[end] != 0) {
            end++;
        }
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    private void checkId(int id) {
        if (id < 0 || id > offsets.length) {
            throw new IllegalArgumentException("no type [" + id + "] in " + source + " (ids 0.." + offsets.length + ")");
        }
    }

    private int[] idsNamed(String name) {
        Object o = nameIndex().get(name);
        if (o == null) {
            return new int[0];
        }
        return o instanceof Integer i ? new int[] {i} : Arrays.copyOfRange((int[]) o, 1, ((int[]) o)[0] + 1);
    }

    private Map<String, Object> nameIndex() {
        Map<String, Object> m = nameIndex;
        if (m == null) {
            m = new HashMap<>(offsets.length);
            for (int id = 1; id <= offsets.length; id++) {
                int off = raw(offsets[id - 1]);
                if (off == 0) {
                    continue;
                }
                final int tid = id;
                m.merge(string(off), tid, (a, b) -> {
                    // several ids: int[] whose element 0 is the count, grown by doubling
                    int[] list = a instanceof Integer i ? new int[] {1, i, 0, 0} : (int[]) a;
                    if (list[0] + 1 == list.length) {
                        list = Arrays.copyOf(list, list.length * 2);
                    }
                    list[++list[0]] = tid;
                    return list;
                });
            }
            nameIndex = m;
        }
        return m;
    }

    private Map<Integer, int[]> declTagIndex() {
        Map<Integer, int[]> m = declTagIndex;
        if (m == null) {
            m = new HashMap<>();
            for (int id = 1; id <= offsets.length; id++) {
                if (kinds[id - 1] == 17) {
                    int target = raw(offsets[id - 1] + 8);
                    int[] old = m.get(target);
                    int[] grown = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
                    grown[grown.length - 1] = id;
                    m.put(target, grown);
                }
            }
            declTagIndex = m;
        }
        return m;
    }

    private BtfType decode(int id) {
        return BtfDecoder.decode(this, id, offsets[id - 1], kinds[id - 1]);
    }

    byte[] bytes(int from, int length) {
        return Arrays.copyOfRange(data, from, from + length);
    }

    BtfLayout layout(int kind) {
        return layouts.get(kind);
    }
}
