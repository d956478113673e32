package io.kflab.bpf.btf;

/**
 * Second pass over a scanned blob: checks string offsets, type ids, linkages, FUNC targets,
 * decl-tag components and that no typedef/qualifier/array chain loops back on itself.
 */
final class BtfChecker {
    private final Btf btf;
    private final BtfParser.Complaint bad;

    BtfChecker(Btf btf, BtfParser.Complaint bad) {
        this.btf = btf;
        this.bad = bad;
    }

    void check() {
        int n = btf.size();
        for (int id = 1; id <= n; id++) {
            checkType(id);
        }
        for (int id = 1; id <= n; id++) {
            if (btf.kindNumber(id) == 17) {
                checkDeclTag(id, btf.offset(id));
            }
        }
        checkChains();
    }

    private void name(int at, int id) {
        int off = btf.raw(at);
        if (!btf.validNameOffset(off)) {
            throw bad.at(at, "type [" + id + "]: expected a string offset below " + Integer.toUnsignedString(btf.stringsLength())
                    + ", found " + Integer.toUnsignedString(off));
        }
    }

    private int ref(int at, int id) {
        int t = btf.raw(at);
        if (t < 0 || t > btf.size()) {
            throw bad.at(at, "type [" + id + "]: expected a type id up to " + btf.size() + ", found "
                    + Integer.toUnsignedString(t));
        }
        return t;
    }

    private void checkType(int id) {
        int p = btf.offset(id);
        int kind = btf.kindNumber(id);
        int info = btf.raw(p + 4);
        int vlen = info & 0xffffff;
        name(p, id);
        switch (kind) {
            case 2, 8, 9, 10, 11, 18 -> ref(p + 8, id);
            case 3 -> {
                ref(p + 12, id);
                ref(p + 16, id);
            }
            case 4, 5 -> {
                for (int i = 0, q = p + 12; i < vlen; i++, q += 12) {
                    name(q, id);
                    ref(q + 4, id);
                }
            }
            case 6 -> {
                for (int i = 0, q = p + 12; i < vlen; i++, q += 8) {
                    name(q, id);
                }
            }
            case 19 -> {
                for (int i = 0, q = p + 12; i < vlen; i++, q += 12) {
                    name(q, id);
                }
            }
            case 12 -> {
                if (vlen > BtfFuncLinkage.values().length - 1) {
                    throw bad.at(p + 4, "type [" + id + "] FUNC: expected linkage 0..2, found " + vlen);
                }
                int proto = ref(p + 8, id);
                if (btf.kindNumber(proto) != 13) {
                    throw bad.at(p + 8, "type [" + id + "] FUNC: expected a FUNC_PROTO, found type [" + proto + "] "
                            + BtfParser.kindName(btf.kindNumber(proto)));
                }
            }
            case 13 -> {
                ref(p + 8, id);
                for (int i = 0, q = p + 12; i < vlen; i++, q += 8) {
                    name(q, id);
                    ref(q + 4, id);
                    // as btf_func_proto_check: a void parameter only ends a variadic list, nameless
                    boolean last = i == vlen - 1;
                    if (btf.raw(q + 4) == 0 && (!last || btf.raw(q) != 0)) {
                        throw bad.at(q, "type [" + id + "] FUNC_PROTO: expected a typed arg#" + (i + 1)
                                + (last ? " or a nameless void to mark '...'" : "") + ", found void");
                    }
                }
            }
            case 14 -> {
                ref(p + 8, id);
                int linkage = btf.raw(p + 12);
                if (linkage < 0 || linkage > BtfVarLinkage.values().length - 1) {
                    throw bad.at(p + 12, "type [" + id + "] VAR: expected linkage 0..2, found "
                            + Integer.toUnsignedString(linkage));
                }
            }
            case 15 -> {
                for (int i = 0, q = p + 12; i < vlen; i++, q += 12) {
                    ref(q, id);
                }
            }
            default -> { }
        }
    }

    private void checkDeclTag(int id, int p) {
        int target = ref(p + 8, id);
        int idx = btf.raw(p + 12);
        if (idx < -1) {
            throw bad.at(p + 12, "type [" + id + "] DECL_TAG: expected component_idx -1 or a member/parameter index, found " + idx);
        }
        if (idx == -1) {
            return;
        }
        int tk = btf.kindNumber(target);
        int components;
        if (tk == 4 || tk == 5) {
            components = btf.raw(btf.offset(target) + 4) & 0xffffff;
        } else if (tk == 12) {
            int proto = btf.raw(btf.offset(target) + 8);
            components = btf.raw(btf.offset(proto) + 4) & 0xffffff;
        } else {
            throw bad.at(p + 12, "type [" + id + "] DECL_TAG: component_idx " + idx
                    + " needs a STRUCT, UNION or FUNC target, found " + BtfParser.kindName(tk));
        }
        if (idx >= components) {
            throw bad.at(p + 12, "type [" + id + "] DECL_TAG: expected component_idx below " + components + ", found " + idx);
        }
    }

    /** Follows pointer, typedef, qualifier, type tag, var and array element links; a loop is bad input. */
    private void checkChains() {
        int n = btf.size();
        byte[] state = new byte[n + 1]; // 0 new, 1 on current path, 2 done
        int[] path = new int[n + 1];
        for (int start = 1; start <= n; start++) {
            int len = 0;
            int cur = start;
            while (cur != 0 && state[cur] == 0) {
                int next = chainNext(cur);
                state[cur] = 1;
                path[len++] = cur;
                if (next < 0) {
                    break;
                }
                cur = next;
                if (state[cur] == 1) {
                    int at = btf.offset(cur) + 8;
                    throw bad.at(at, "type [" + cur + "] " + BtfParser.kindName(btf.kindNumber(cur))
                            + ": expected a chain of pointers, typedefs, qualifiers, vars and arrays to end, found a cycle");
                }
            }
            for (int i = 0; i < len; i++) {
                state[path[i]] = 2;
            }
        }
    }

    private int chainNext(int id) {
        int kind = btf.kindNumber(id);
        int p = btf.offset(id);
        return switch (kind) {
            case 2, 8, 9, 10, 11, 14, 18 -> btf.raw(p + 8);
            case 3 -> btf.raw(p + 12);
            default -> -1;
        };
    }
}
