package io.kflab.verifier.selftest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layouts of structs a selftest file defines itself (struct test_val { unsigned int index; int
 * foo[MAX_ENTRIES]; }), with C's natural alignment on a 64-bit target; other structs come from
 * {@link KernelTypes}.
 */
final class LocalStructs {
    /** Kernel types whose presence in a map value needs the value's BTF (special fields). */
    static final Set<String> SPECIAL_FIELD_STRUCTS = Set.of("bpf_spin_lock", "bpf_timer", "bpf_wq", "bpf_list_head",
            "bpf_list_node", "bpf_rb_root", "bpf_rb_node", "bpf_refcount", "bpf_res_spin_lock", "bpf_task_work");

    /** One field: type words, pointer or not, array dimensions (as expression texts), name. */
    record Field(List<String> type, boolean pointer, List<String> dims, String name) {}

    record Layout(long size, long align, boolean needsBtf) {}

    private final Map<String, List<Field>> defs = new HashMap<>();
    private final Map<String, Layout> done = new HashMap<>();

    void define(String name, List<Field> fields) {
        defs.put(name, fields);
        done.remove(name);
    }

    boolean defines(String name) {
        return defs.containsKey(name);
    }

    List<Field> fields(String name) {
        return defs.get(name);
    }

    /** Size, alignment and whether BTF is needed for a type given as words, e.g. [unsigned, int] or [struct, test_val]. */
    Layout typeLayout(List<String> words, boolean pointer, ConstEval eval) {
        if (pointer) return new Layout(8, 8, words.stream().anyMatch(w -> w.contains("kptr")));
        List<String> w = new ArrayList<>();
        boolean special = false;
        for (String s : words) {
            if (s.contains("kptr")) special = true;
            if (!Set.of("const", "volatile", "signed", "static", "__attribute__", "__aligned").contains(s)) w.add(s);
        }
        if (w.size() >= 2 && (w.get(0).equals("struct") || w.get(0).equals("union"))) {
            Layout l = structLayout(w.get(1), eval);
            return special ? new Layout(l.size(), l.align(), true) : l;
        }
        String key = String.join(" ", w).replace("unsigned ", "").replace(" int", "").replace("unsigned", "int");
        long size = switch (key) {
            case "char", "__u8", "u8", "__s8", "s8", "_Bool", "bool", "uint8_t", "int8_t" -> 1;
            case "short", "__u16", "u16", "__s16", "s16", "__be16", "__le16", "uint16_t", "int16_t" -> 2;
            case "int", "__u32", "u32", "__s32", "s32", "__be32", "__le32", "uint32_t", "int32_t", "float", "__wsum" -> 4;
            case "long", "long long", "__u64", "u64", "__s64", "s64", "__be64", "uint64_t", "int64_t", "double",
                    "size_t", "__u64 long", "long long long" -> 8;
            default -> throw new UnsupportedConstruct("unknown type", String.join(" ", words));
        };
        return new Layout(size, size, special);
    }

    Layout structLayout(String name, ConstEval eval) {
        Layout l = done.get(name);
        if (l != null) return l;
        List<Field> fields = defs.get(name);
        if (fields == null) {
            var k = eval.kernel().sizeOf(name);
            if (k.isEmpty()) throw new UnsupportedConstruct("unknown struct", "struct " + name);
            long size = k.getAsLong();
            return new Layout(size, Math.min(8, Long.lowestOneBit(Math.max(size, 1))), SPECIAL_FIELD_STRUCTS.contains(name));
        }
        long off = 0;
        long align = 1;
        boolean needsBtf = false;
        for (Field f : fields) {
            Layout fl = typeLayout(f.type(), f.pointer(), eval);
            long count = 1;
            for (String d : f.dims()) count *= eval.evalText(d);
            off = alignUp(off, fl.align());
            off += fl.size() * count;
            align = Math.max(align, fl.align());
            needsBtf |= fl.needsBtf();
        }
        l = new Layout(alignUp(off, align), align, needsBtf);
        done.put(name, l);
        return l;
    }

    /** Offset of a member path in a local struct: names and Long array indexes. */
    long offsetOf(String name, List<Object> path, ConstEval eval) {
        List<Field> fields = defs.get(name);
        long base = 0;
        List<Field> cur = fields;
        Field last = null;
        int i = 0;
        while (i < path.size()) {
            Object step = path.get(i);
            if (!(step instanceof String member) || cur == null) throw new UnsupportedConstruct("offsetof", "struct " + name + " " + path);
            long off = 0;
            Field hit = null;
            for (Field f : cur) {
                Layout fl = typeLayout(f.type(), f.pointer(), eval);
                off = alignUp(off, fl.align());
                if (f.name().equals(member)) {
                    hit = f;
                    break;
                }
                long count = 1;
                for (String d : f.dims()) count *= eval.evalText(d);
                off += fl.size() * count;
            }
            if (hit == null) throw new UnsupportedConstruct("offsetof", "no member " + member + " in struct " + name);
            base += off;
            i++;
            Layout hl = typeLayout(hit.type(), hit.pointer(), eval);
            while (i < path.size() && path.get(i) instanceof Long index) {
                base += index * hl.size();
                i++;
            }
            last = hit;
            cur = !hit.pointer() && hit.type().size() >= 2 && hit.type().get(0).equals("struct") ? defs.get(hit.type().get(1)) : null;
        }
        return base;
    }

    static long alignUp(long v, long a) {
        return (v + a - 1) / a * a;
    }
}
