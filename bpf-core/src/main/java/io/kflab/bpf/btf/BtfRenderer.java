package io.kflab.bpf.btf;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders BTF types as C-like text (kernel: what bpftool btf dump format c prints, plus offset
 * comments): structs and unions with member offsets and sizes, functions as prototypes, enums
 * with values, typedefs, and C declarators for pointers, arrays and function pointers.
 */
public final class BtfRenderer {
    /** Anonymous structs nest inline at most this deep; pointer chains are cut at this depth. */
    private static final int MAX_DEPTH = 32;

    /** Steps one public call may take; bounds the output for hostile, highly shared type graphs. */
    private static final int BUDGET = 2_000;

    /** A parameter list longer than this is cut: text then grows linearly with depth, not exponentially. */
    private static final int MAX_DECLARATOR = 2_048;

    /** A struct body longer than this is cut. */
    private static final int MAX_BODY = 65_536;

    private final Btf btf;
    private int budget;

    /** A renderer for the types of {@code btf}; not thread-safe, make one per thread. */
    public BtfRenderer(Btf btf) {
        this.btf = btf;
    }

    /** The full C-like definition of a type: struct body, function prototype, enum body, typedef. */
    public String render(int id) {
        budget = BUDGET;
        BtfType t = btf.type(id);
        return switch (t) {
            case BtfType.Composite c -> composite(c, 0, 0) + "; /* size " + Integer.toUnsignedString(c.size()) + " */";
            case BtfType.Enumeration e -> enumeration(e, 0) + "; /* size " + e.size() + " */";
            case BtfFunc f -> declaration(f.type(), f.name());
            case BtfTypedef td -> "typedef " + declaration(td.type(), td.name()) + ";";
            case BtfFwd f -> (f.union() ? "union " : "struct ") + f.name() + ";";
            case BtfVar v -> (v.linkage() == BtfVarLinkage.STATIC ? "static " : v.linkage() == BtfVarLinkage.GLOBAL_EXTERN ? "extern " : "")
                    + declaration(v.type(), v.name()) + ";";
            case BtfDatasec d -> datasec(d);
            case BtfDeclTag d -> "__attribute__((btf_decl_tag(\"" + d.name() + "\"))) /* on [" + d.type() + "] "
                    + btf.name(d.type()) + (d.componentIdx() == -1 ? "" : ", component " + d.componentIdx()) + " */";
            default -> typeName(id);
        };
    }

    /** The C spelling of a type as used in a cast, e.g. {@code struct task_struct *}. */
    public String typeName(int id) {
        return declaration(id, "");
    }

    /** A C declaration of {@code name} with type {@code id}, e.g. {@code int (*test_1)(struct x *)}. */
    public String declaration(int id, String name) {
        budget = BUDGET;
        return decl(id, name, 0, 0);
    }

    private String decl(int id, String inner, int indent, int depth) {
        if (depth > MAX_DEPTH || --budget < 0) {
            return join("/* ... */", inner);
        }
        BtfType t = btf.type(id);
        return switch (t) {
            case BtfVoid v -> join("void", inner);
            case BtfInt i -> join(i.name(), inner);
            case BtfFloat f -> join(f.name(), inner);
            case BtfTypedef td -> join(td.name(), inner);
            case BtfFwd f -> join((f.union() ? "union " : "struct ") + f.name(), inner);
            case BtfType.Composite c -> join(c.name().isEmpty() ? composite(c, indent, depth + 1)
                    : (c instanceof BtfUnion ? "union " : "struct ") + c.name(), inner);
            case BtfType.Enumeration e -> join(e.name().isEmpty() ? enumeration(e, indent) : "enum " + e.name(), inner);
            case BtfPtr p -> decl(p.type(), "*" + inner, indent, depth + 1);
            case BtfConst c -> qualified("const", c.type(), inner, indent, depth);
            case BtfVolatile v -> qualified("volatile", v.type(), inner, indent, depth);
            case BtfRestrict r -> qualified("restrict", r.type(), inner, indent, depth);
            case BtfTypeTag tt -> decl(tt.type(), join(tt.attribute() ? "__attribute__((" + tt.name() + "))"
                    : "__attribute__((btf_type_tag(\"" + tt.name() + "\")))", inner), indent, depth + 1);
            case BtfArray a -> decl(a.type(), wrap(inner) + "[" + a.length() + "]", indent, depth + 1);
            case BtfFuncProto p -> decl(p.returnType(), wrap(inner) + "(" + params(p, indent, depth) + ")", indent, depth + 1);
            case BtfFunc f -> decl(f.type(), f.name() + inner, indent, depth + 1);
            case BtfVar v -> decl(v.type(), inner, indent, depth + 1);
            case BtfDatasec d -> join("/* DATASEC " + d.name() + " */", inner);
            case BtfDeclTag d -> join("/* DECL_TAG " + d.name() + " */", inner);
            case BtfUnknownKind u -> join("/* kind " + u.kindNumber() + " " + u.name() + " */", inner);
        };
    }

    private String qualified(String qualifier, int target, String inner, int indent, int depth) {
        int under = target;
        for (int i = 0; i < MAX_DEPTH && btf.kind(under) == BtfKind.TYPE_TAG; i++) {
            under = ((BtfTypeTag) btf.type(under)).type();
        }
        if (btf.kind(under) == BtfKind.PTR) {
            return decl(target, join(qualifier, inner), indent, depth + 1);
        }
        return qualifier + " " + decl(target, inner, indent, depth + 1);
    }

    private String params(BtfFuncProto p, int indent, int depth) {
        if (p.params().isEmpty()) {
            return p.variadic() ? "..." : "void";
        }
        List<String> out = new ArrayList<>();
        int length = 0;
        for (BtfParam prm : p.params()) {
            if (length > MAX_DECLARATOR) {
                out.add("/* ... */");
                break;
            }
            String d = decl(prm.type(), prm.name(), indent, depth + 1);
            length += d.length();
            out.add(d);
        }
        if (p.variadic()) {
            out.add("...");
        }
        return String.join(", ", out);
    }

    private static String wrap(String inner) {
        return inner.startsWith("*") ? "(" + inner + ")" : inner;
    }

    private static String join(String base, String inner) {
        return inner.isEmpty() ? base : base + " " + inner;
    }

    private String composite(BtfType.Composite c, int indent, int depth) {
        StringBuilder sb = new StringBuilder();
        sb.append(c instanceof BtfUnion ? "union" : "struct");
        if (!c.name().isEmpty()) {
            sb.append(' ').append(c.name());
        }
        sb.append(" {\n");
        if (depth > MAX_DEPTH || budget < 0) {
            sb.append(tabs(indent + 1)).append("/* ... */\n");
        } else {
            for (BtfMember m : c.members()) {
                if (budget < 0 || sb.length() > MAX_BODY) {
                    sb.append(tabs(indent + 1)).append("/* ... */\n");
                    break;
                }
                sb.append(tabs(indent + 1)).append(decl(m.type(), m.name(), indent + 1, depth + 1));
                if (m.isBitfield()) {
                    sb.append(": ").append(m.bitfieldSize());
                }
                sb.append("; /* off ").append(Integer.toUnsignedLong(m.bitOffset()) >>> 3);
                if (m.isBitfield() || m.bitOffset() % 8 != 0) {
                    sb.append(", bit off ").append(Integer.toUnsignedLong(m.bitOffset()));
                    sb.append(", bits ").append(m.isBitfield() ? m.bitfieldSize() : "?");
                } else {
                    sb.append(", size ").append(sizeText(m.type()));
                }
                sb.append(" */\n");
            }
        }
        return sb.append(tabs(indent)).append('}').toString();
    }

    private String sizeText(int id) {
        try {
            return Long.toString(btf.sizeOf(id));
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private String enumeration(BtfType.Enumeration e, int indent) {
        StringBuilder sb = new StringBuilder("enum");
        if (!e.name().isEmpty()) {
            sb.append(' ').append(e.name());
        }
        sb.append(" {\n");
        List<BtfEnumValue> values = e.values();
        for (int i = 0; i < values.size(); i++) {
            BtfEnumValue v = values.get(i);
            sb.append(tabs(indent + 1)).append(v.name()).append(" = ");
            sb.append(e.signed() || e instanceof BtfEnum ? Long.toString(v.value()) : Long.toUnsignedString(v.value()));
            sb.append(i + 1 < values.size() ? ",\n" : "\n");
        }
        return sb.append(tabs(indent)).append('}').toString();
    }

    private String datasec(BtfDatasec d) {
        StringBuilder sb = new StringBuilder("/* DATASEC ").append(d.name()).append(" */ {\n");
        for (BtfVarSecinfo v : d.vars()) {
            String decl = btf.type(v.type()) instanceof BtfVar var ? decl(var.type(), var.name(), 1, 1) : decl(v.type(), "", 1, 1);
            sb.append('\t').append(decl).append("; /* off ")
                    .append(Integer.toUnsignedLong(v.offset())).append(", size ").append(Integer.toUnsignedLong(v.size())).append(" */\n");
        }
        return sb.append("}; /* size ").append(Integer.toUnsignedLong(d.size())).append(" */").toString();
    }

    private static String tabs(int n) {
        return "\t".repeat(n);
    }
}
