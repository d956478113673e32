package io.kflab.bpf.btf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random type graphs that a parser must accept, and random damage to encoded blobs. */
final class BtfGen {
    private static final String[] NAMES = {"", "", "int", "task_struct", "x", "bpf_kfunc", "bpf_fastcall", "é_ü", "a b"};

    private BtfGen() {}

    static String name(Random r) {
        return r.nextInt(4) == 0 ? "n" + r.nextInt(1000) : NAMES[r.nextInt(NAMES.length)];
    }

    /** A well-formed graph of 1..40 types; chains only point backwards, so there are no cycles. */
    static List<BtfType> graph(Random r, boolean unknownKinds) {
        int n = 1 + r.nextInt(40);
        List<BtfType> types = new ArrayList<>(n);
        List<Integer> protos = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            int any = r.nextInt(n + 1);
            int earlier = r.nextInt(id);
            int kind = 1 + r.nextInt(unknownKinds ? 20 : 19);
            if (kind == BtfKind.FUNC.number() && protos.isEmpty()) {
                kind = BtfKind.FUNC_PROTO.number();
            }
            if (kind == BtfKind.FUNC_PROTO.number()) {
                protos.add(id);
            }
            types.add(switch (BtfKind.of(kind)) {
                case INT -> new BtfInt(name(r), r.nextInt(), r.nextInt(16), r.nextInt(256), r.nextInt(256));
                case PTR -> new BtfPtr(name(r), earlier);
                case ARRAY -> new BtfArray(name(r), earlier, any, r.nextInt());
                case STRUCT, UNION -> {
                    boolean kf = r.nextBoolean();
                    List<BtfMember> ms = new ArrayList<>();
                    for (int i = r.nextInt(5); i > 0; i--) {
                        ms.add(kf ? new BtfMember(name(r), r.nextInt(n + 1), r.nextInt(1 << 24), r.nextInt(256))
                                : new BtfMember(name(r), r.nextInt(n + 1), r.nextInt(), 0));
                    }
                    yield kind == 4 ? new BtfStruct(name(r), r.nextInt(), kf, ms) : new BtfUnion(name(r), r.nextInt(), kf, ms);
                }
                case ENUM -> {
                    boolean signed = r.nextBoolean();
                    List<BtfEnumValue> vs = new ArrayList<>();
                    for (int i = r.nextInt(5); i > 0; i--) {
                        int v = r.nextInt();
                        vs.add(new BtfEnumValue(name(r), signed ? v : Integer.toUnsignedLong(v)));
                    }
                    yield new BtfEnum(name(r), r.nextInt(), signed, vs);
                }
                case ENUM64 -> {
                    List<BtfEnumValue> vs = new ArrayList<>();
                    for (int i = r.nextInt(5); i > 0; i--) {
                        vs.add(new BtfEnumValue(name(r), r.nextLong()));
                    }
                    yield new BtfEnum64(name(r), r.nextInt(), r.nextBoolean(), vs);
                }
                case FWD -> new BtfFwd(name(r), r.nextBoolean());
                case TYPEDEF -> new BtfTypedef(name(r), earlier);
                case VOLATILE -> new BtfVolatile(name(r), earlier);
                case CONST -> new BtfConst(name(r), earlier);
                case RESTRICT -> new BtfRestrict(name(r), earlier);
                case FUNC -> new BtfFunc(name(r), protos.get(r.nextInt(protos.size())),
                        BtfFuncLinkage.values()[r.nextInt(3)]);
                case FUNC_PROTO -> {
                    List<BtfParam> ps = new ArrayList<>();
                    for (int i = r.nextInt(5); i > 0; i--) {
                        ps.add(new BtfParam(name(r), 1 + r.nextInt(n)));
                    }
                    yield new BtfFuncProto(r.nextInt(5) == 0 ? name(r) : "", any, ps, r.nextBoolean());
                }
                case VAR -> new BtfVar(name(r), earlier, BtfVarLinkage.values()[r.nextInt(3)]);
                case DATASEC -> {
                    List<BtfVarSecinfo> vs = new ArrayList<>();
                    for (int i = r.nextInt(4); i > 0; i--) {
                        vs.add(new BtfVarSecinfo(r.nextInt(n + 1), r.nextInt(), r.nextInt()));
                    }
                    yield new BtfDatasec(name(r), r.nextInt(), vs);
                }
                case FLOAT -> new BtfFloat(name(r), r.nextInt());
                case DECL_TAG -> declTag(r, types, earlier);
                case TYPE_TAG -> new BtfTypeTag(name(r), earlier, r.nextBoolean());
                default -> {
                    int k = 20 + r.nextInt(108);
                    int info = (k % 3) * 4, elem = (k % 4) * 4, vlen = r.nextInt(4);
                    byte[] data = new byte[info + vlen * elem];
                    r.nextBytes(data);
                    yield new BtfUnknownKind(name(r), k, r.nextBoolean(), vlen, r.nextInt(), info, elem, data);
                }
            });
        }
        return types;
    }

    private static BtfDeclTag declTag(Random r, List<BtfType> earlierTypes, int target) {
        String name = r.nextBoolean() ? "bpf_kfunc" : name(r);
        if (target > 0 && earlierTypes.get(target - 1) instanceof BtfType.Composite c && !c.members().isEmpty()
                && r.nextBoolean()) {
            return new BtfDeclTag(name, target, r.nextInt(c.members().size()), r.nextBoolean());
        }
        return new BtfDeclTag(name, target, -1, r.nextBoolean());
    }

    private static final int[] INTERESTING = {0, 1, 2, 3, 4, 12, 24, 32, -1, -2, 0x7fffffff, 0x80000000, 0xffffff,
            0x1000000, 0x0d000000, 0x11000000, 0x7f000000, 0x14000000, 0x04ffffff};

    /** A damaged copy of {@code seed}: bit flips, truncation, random or interesting values, or noise. */
    static byte[] mutate(Random r, byte[] seed) {
        byte[] d = seed.clone();
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            switch (r.nextInt(8)) {
                case 0 -> { // bit flips
                    for (int k = 1 + r.nextInt(8); k > 0 && d.length > 0; k--) {
                        int at = r.nextInt(d.length);
                        d[at] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> d = java.util.Arrays.copyOf(d, d.length == 0 ? 0 : r.nextInt(d.length)); // truncation
                case 2 -> { // a header field gets an interesting or random value
                    int field = 4 + 4 * r.nextInt(7);
                    if (field + 4 <= d.length) {
                        put(d, field, r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)]
                                : r.nextInt(d.length + 8) - 4, seed);
                    }
                }
                case 3 -> { // an aligned word in the body
                    if (d.length >= 8) {
                        int at = (r.nextInt(d.length - 3)) & ~3;
                        put(d, at, INTERESTING[r.nextInt(INTERESTING.length)] ^ (r.nextBoolean() ? 0 : r.nextInt(64)), seed);
                    }
                }
                case 4 -> { // random bytes over a stretch
                    if (d.length > 0) {
                        int at = r.nextInt(d.length);
                        for (int k = at; k < Math.min(d.length, at + 1 + r.nextInt(16)); k++) {
                            d[k] = (byte) r.nextInt();
                        }
                    }
                }
                case 5 -> { // extra bytes at the end
                    byte[] longer = java.util.Arrays.copyOf(d, d.length + 1 + r.nextInt(16));
                    d = longer;
                }
                case 6 -> { // kind byte of a word that could be a btf_type.info
                    if (d.length >= 28) {
                        int at = 24 + ((r.nextInt(d.length - 27)) & ~3);
                        d[at + (bigEndian(seed) ? 0 : 3)] = (byte) r.nextInt(256);
                    }
                }
                default -> { // noise, sometimes after a valid magic
                    d = new byte[r.nextInt(200)];
                    r.nextBytes(d);
                    if (d.length >= 2 && r.nextBoolean()) {
                        d[0] = (byte) 0x9f;
                        d[1] = (byte) 0xeb;
                        if (d.length > 3) {
                            d[2] = 1;
                            d[3] = 0;
                        }
                    }
                }
            }
        }
        return d;
    }

    private static boolean bigEndian(byte[] seed) {
        return seed.length >= 1 && seed[0] == (byte) 0xeb;
    }

    private static void put(byte[] d, int at, int value, byte[] seed) {
        ByteBuffer.wrap(d).order(bigEndian(seed) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }
}
