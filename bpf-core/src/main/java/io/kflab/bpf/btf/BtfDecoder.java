package io.kflab.bpf.btf;

import java.util.ArrayList;
import java.util.List;

/** Turns the bytes of one checked btf_type (and what follows it) into a {@link BtfType} record. */
final class BtfDecoder {
    private BtfDecoder() {}

    static BtfType decode(Btf btf, int id, int p, int kind) {
        String name = btf.string(btf.raw(p));
        int info = btf.raw(p + 4);
        int vlen = info & 0xffffff;
        boolean kflag = info < 0;
        int st = btf.raw(p + 8);
        int q = p + 12;
        return switch (kind) {
            case 1 -> {
                int v = btf.raw(q);
                yield new BtfInt(name, st, (v >>> 24) & 0x0f, (v >>> 16) & 0xff, v & 0xff);
            }
            case 2 -> new BtfPtr(name, st);
            case 3 -> new BtfArray(name, btf.raw(q), btf.raw(q + 4), btf.raw(q + 8));
            case 4 -> new BtfStruct(name, st, kflag, members(btf, q, vlen, kflag));
            case 5 -> new BtfUnion(name, st, kflag, members(btf, q, vlen, kflag));
            case 6 -> {
                List<BtfEnumValue> values = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, q += 8) {
                    int v = btf.raw(q + 4);
                    values.add(new BtfEnumValue(btf.string(btf.raw(q)), kflag ? v : Integer.toUnsignedLong(v)));
                }
                yield new BtfEnum(name, st, kflag, values);
            }
            case 7 -> new BtfFwd(name, kflag);
            case 8 -> new BtfTypedef(name, st);
            case 9 -> new BtfVolatile(name, st);
            case 10 -> new BtfConst(name, st);
            case 11 -> new BtfRestrict(name, st);
            case 12 -> new BtfFunc(name, st, BtfFuncLinkage.values()[vlen]);
            case 13 -> {
                boolean variadic = vlen > 0 && btf.raw(q + (vlen - 1) * 8) == 0 && btf.raw(q + (vlen - 1) * 8 + 4) == 0;
                int n = variadic ? vlen - 1 : vlen;
                List<BtfParam> params = new ArrayList<>(n);
                for (int i = 0; i < n; i++, q += 8) {
                    params.add(new BtfParam(btf.string(btf.raw(q)), btf.raw(q + 4)));
                }
                yield new BtfFuncProto(name, st, params, variadic);
            }
            case 14 -> new BtfVar(name, st, BtfVarLinkage.values()[btf.raw(q)]);
            case 15 -> {
                List<BtfVarSecinfo> vars = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, q += 12) {
                    vars.add(new BtfVarSecinfo(btf.raw(q), btf.raw(q + 4), btf.raw(q + 8)));
                }
                yield new BtfDatasec(name, st, vars);
            }
            case 16 -> new BtfFloat(name, st);
            case 17 -> new BtfDeclTag(name, st, btf.raw(q), kflag);
            case 18 -> new BtfTypeTag(name, st, kflag);
            case 19 -> {
                List<BtfEnumValue> values = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, q += 12) {
                    long lo = Integer.toUnsignedLong(btf.raw(q + 4));
                    long hi = btf.raw(q + 8);
                    values.add(new BtfEnumValue(btf.string(btf.raw(q)), hi << 32 | lo));
                }
                yield new BtfEnum64(name, st, kflag, values);
            }
            default -> {
                BtfLayout l = btf.layout(kind);
                int len = l.infoSize() + vlen * l.elemSize();
                yield new BtfUnknownKind(name, kind, kflag, vlen, st, l.infoSize(), l.elemSize(), btf.bytes(q, len));
            }
        };
    }

    private static List<BtfMember> members(Btf btf, int q, int vlen, boolean kflag) {
        List<BtfMember> members = new ArrayList<>(vlen);
        for (int i = 0; i < vlen; i++, q += 12) {
            int off = btf.raw(q + 8);
            members.add(new BtfMember(btf.string(btf.raw(q)), btf.raw(q + 4),
                    kflag ? off & 0xffffff : off, kflag ? off >>> 24 : 0));
        }
        return members;
    }
}
