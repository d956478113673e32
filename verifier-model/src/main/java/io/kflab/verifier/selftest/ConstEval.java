package io.kflab.verifier.selftest;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.verifier.selftest.SelftestCParser.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Evaluates C integer constant expressions as clang does for the selftests: #define'd names,
 * the uapi's named constants, casts, sizeof and offsetof of local and kernel structs.
 * Constructs it cannot evaluate throw {@link UnsupportedConstruct}.
 */
final class ConstEval {
    private final Map<String, String> defines;
    private final LocalStructs structs;
    private final KernelTypes kernel;
    private final Set<String> expanding = new HashSet<>();
    private final Map<String, Long> cache = new HashMap<>();

    ConstEval(Map<String, String> defines, LocalStructs structs, KernelTypes kernel) {
        this.defines = defines;
        this.structs = structs;
        this.kernel = kernel;
    }

    KernelTypes kernel() {
        return kernel;
    }

    LocalStructs structs() {
        return structs;
    }

    /** An #if condition after defined() was replaced; unknown names are 0, as in the preprocessor. */
    static long evaluateCondition(String text, String where) {
        ConstEval e = new ConstEval(Map.of("__BYTE_ORDER__", "1234", "__ORDER_LITTLE_ENDIAN__", "1234",
                "__ORDER_BIG_ENDIAN__", "4321"), new LocalStructs(), KernelTypes.NONE);
        try {
            return e.value(SelftestSyntax.parseExpr(text, where)).value();
        } catch (UnsupportedConstruct u) {
            return 0;
        }
    }

    long eval(ExprContext e) {
        return value(e).value();
    }

    long evalText(String text) {
        Long v = cache.get(text);
        if (v == null) {
            v = eval(parse(text, "expression '" + text + "'"));
            cache.put(text, v);
        }
        return v;
    }

    /** A macro body or member text that is not an expression makes the construct unsupported, not the file bad. */
    private static ExprContext parse(String text, String where) {
        try {
            return SelftestSyntax.parseExpr(text, where);
        } catch (BadInputException e) {
            throw new UnsupportedConstruct("not a constant expression", e.oneLine());
        }
    }

    CValue value(ExprContext e) {
        return switch (e) {
            case PrimaryExprContext p -> primary(p.primary());
            case CastExprContext c -> cast(words(c.typeName()), c.typeName().STAR().size() > 0, value(c.expr()));
            case SizeofTypeExprContext s -> new CValue(sizeOf(s.typeName()), 64, true);
            case SizeofExprContext s -> sizeofExpr(s.expr());
            case UnaryExprContext u -> unary(u.op.getText(), value(u.expr()), u);
            case MulExprContext b -> binary(b.op.getText(), value(b.expr(0)), value(b.expr(1)), b);
            case AddExprContext b -> binary(b.op.getText(), value(b.expr(0)), value(b.expr(1)), b);
            case ShiftExprContext b -> shift(b.op.getText(), value(b.expr(0)), value(b.expr(1)));
            case RelExprContext b -> compare(b.op.getText(), value(b.expr(0)), value(b.expr(1)));
            case EqExprContext b -> compare(b.op.getText(), value(b.expr(0)), value(b.expr(1)));
            case BitAndExprContext b -> binary("&", value(b.expr(0)), value(b.expr(1)), b);
            case BitXorExprContext b -> binary("^", value(b.expr(0)), value(b.expr(1)), b);
            case BitOrExprContext b -> binary("|", value(b.expr(0)), value(b.expr(1)), b);
            case AndExprContext b -> CValue.ofBool(value(b.expr(0)).value() != 0 && value(b.expr(1)).value() != 0);
            case OrExprContext b -> CValue.ofBool(value(b.expr(0)).value() != 0 || value(b.expr(1)).value() != 0);
            case CondExprContext c -> value(c.expr(0)).value() != 0 ? value(c.expr(1)) : value(c.expr(2));
            case CallExprContext c -> call(c);
            default -> throw new UnsupportedConstruct("non-constant expression", SelftestSyntax.abbreviate(e.getText()));
        };
    }

    private CValue primary(PrimaryContext p) {
        return switch (p) {
            case ParenPrimaryContext q -> value(q.expr());
            case NumberPrimaryContext n -> number(n.NUMBER().getText(), n);
            case CharPrimaryContext c -> CValue.ofInt(charValue(c.CHAR().getText()));
            case NamePrimaryContext n -> name(n.IDENT().getText());
            default -> throw new UnsupportedConstruct("non-constant expression", SelftestSyntax.abbreviate(p.getText()));
        };
    }

    CValue name(String name) {
        String body = defines.get(name);
        if (body != null) {
            if (!expanding.add(name)) throw new UnsupportedConstruct("recursive macro", name);
            try {
                return value(parse(body, "#define " + name));
            } finally {
                expanding.remove(name);
            }
        }
        OptionalLong v = BpfConstants.value(name);
        if (v.isPresent()) {
            long x = v.getAsLong();
            return x == (int) x ? CValue.ofInt(x) : new CValue(x, 64, false);
        }
        throw new UnsupportedConstruct("unknown constant", name);
    }

    static CValue number(String text, ParserRuleContext at) {
        String t = text.toLowerCase();
        int end = t.length();
        while (end > 0 && (t.charAt(end - 1) == 'u' || t.charAt(end - 1) == 'l')) end--;
        String suffix = t.substring(end);
        String digits = t.substring(0, end);
        long v;
        boolean hexOrOct;
        try {
            if (digits.startsWith("0x")) {
                v = Long.parseUnsignedLong(digits.substring(2), 16);
                hexOrOct = true;
            } else if (digits.startsWith("0b")) {
                v = Long.parseUnsignedLong(digits.substring(2), 2);
                hexOrOct = true;
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                v = Long.parseUnsignedLong(digits.substring(1), 8);
                hexOrOct = true;
            } else {
                v = Long.parseUnsignedLong(digits);
                hexOrOct = false;
            }
        } catch (NumberFormatException e) {
            throw new UnsupportedConstruct("number out of range", text);
        }
        boolean u = suffix.contains("u");
        boolean l = suffix.contains("l");
        if (!l && (u ? Long.compareUnsigned(v, 0xffff_ffffL) <= 0 : v <= Integer.MAX_VALUE)) return new CValue(v, 32, u);
        if (!l && !u && hexOrOct && v <= 0xffff_ffffL) return new CValue(v, 32, true);
        boolean unsigned = u || v < 0;
        return new CValue(v, 64, unsigned);
    }

    private static long charValue(String lit) {
        String s = lit.substring(1, lit.length() - 1);
        if (!s.startsWith("\\")) return s.charAt(0);
        return switch (s.charAt(1)) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case '0' -> 0;
            case '\\' -> '\\';
            case '\'' -> '\'';
            default -> s.charAt(1);
        };
    }

    private static List<String> words(TypeNameContext t) {
        List<String> w = new ArrayList<>();
        for (int i = 0; i < t.getChildCount(); i++) {
            String s = t.getChild(i).getText();
            if (!s.equals("*")) w.add(s);
        }
        return w;
    }

    private static CValue cast(List<String> words, boolean pointer, CValue v) {
        if (pointer) return new CValue(v.value(), 64, true);
        String key = String.join(" ", words).replace("const ", "").replace("volatile ", "");
        return switch (key) {
            case "__u8", "u8", "unsigned char", "uint8_t", "bool", "_Bool" -> new CValue(v.value(), 8, true);
            case "__s8", "s8", "char", "signed char", "int8_t" -> new CValue(v.value(), 8, false);
            case "__u16", "u16", "unsigned short", "uint16_t", "__be16" -> new CValue(v.value(), 16, true);
            case "__s16", "s16", "short", "int16_t" -> new CValue(v.value(), 16, false);
            case "__u32", "u32", "unsigned int", "unsigned", "uint32_t", "__be32" -> new CValue(v.value(), 32, true);
            case "__s32", "s32", "int", "int32_t", "signed int" -> new CValue(v.value(), 32, false);
            case "__u64", "u64", "unsigned long", "unsigned long long", "uint64_t", "size_t", "__be64" -> new CValue(v.value(), 64, true);
            case "__s64", "s64", "long", "long long", "int64_t", "signed long" -> new CValue(v.value(), 64, false);
            case "void" -> v;
            default -> throw new UnsupportedConstruct("unknown type", key);
        };
    }

    private long sizeOf(TypeNameContext t) {
        return structs.typeLayout(words(t), t.STAR().size() > 0, this).size();
    }

    private CValue sizeofExpr(ExprContext e) {
        if (e instanceof PrimaryExprContext p && p.primary() instanceof ParenPrimaryContext q
                && q.expr() instanceof PrimaryExprContext inner && inner.primary() instanceof StructTypePrimaryContext s) {
            return new CValue(structs.typeLayout(List.of(s.getChild(0).getText(), s.IDENT().getText()), false, this).size(), 64, true);
        }
        if (e instanceof PrimaryExprContext p && p.primary() instanceof StructTypePrimaryContext s) {
            return new CValue(structs.typeLayout(List.of(s.getChild(0).getText(), s.IDENT().getText()), false, this).size(), 64, true);
        }
        throw new UnsupportedConstruct("sizeof of an expression", SelftestSyntax.abbreviate(e.getText()));
    }

    private CValue call(CallExprContext c) {
        String fn = c.expr(0).getText();
        List<ExprContext> args = c.expr().subList(1, c.expr().size());
        if ((fn.equals("offsetof") || fn.equals("offsetofend") || fn.equals("__builtin_offsetof")) && args.size() == 2) {
            String struct = structName(args.get(0));
            List<Object> path = new ArrayList<>();
            memberPath(args.get(1), path);
            long off = offsetOf(struct, path);
            if (fn.equals("offsetofend")) off += memberSize(struct, path);
            return new CValue(off, 64, true);
        }
        throw new UnsupportedConstruct("function-like macro", fn + "(...)");
    }

    private long offsetOf(String struct, List<Object> path) {
        if (structs.defines(struct)) return structs.offsetOf(struct, path, this);
        OptionalLong k = kernel.offsetOf(struct, path);
        if (k.isEmpty()) throw new UnsupportedConstruct("unknown struct", "offsetof(struct " + struct + ", " + path + ")");
        return k.getAsLong();
    }

    /** Size of the member a path ends at: the distance to the next offset, found by probing with the kernel's layout. */
    private long memberSize(String struct, List<Object> path) {
        if (structs.defines(struct)) {
            for (LocalStructs.Field f : structs.fields(struct)) {
                if (path.size() == 1 && f.name().equals(path.get(0))) {
                    long n = 1;
                    for (String d : f.dims()) n *= evalText(d);
                    return structs.typeLayout(f.type(), f.pointer(), this).size() * n;
                }
            }
            throw new UnsupportedConstruct("offsetofend", struct + " " + path);
        }
        throw new UnsupportedConstruct("offsetofend of a kernel struct", "struct " + struct + " " + path);
    }

    private static String structName(ExprContext e) {
        if (e instanceof PrimaryExprContext p && p.primary() instanceof StructTypePrimaryContext s) return s.IDENT().getText();
        throw new UnsupportedConstruct("offsetof", "expected struct NAME, found " + e.getText());
    }

    private void memberPath(ExprContext e, List<Object> path) {
        switch (e) {
            case PrimaryExprContext p when p.primary() instanceof NamePrimaryContext n -> path.add(n.IDENT().getText());
            case MemberExprContext m when m.op.getText().equals(".") -> {
                memberPath(m.expr(), path);
                path.add(m.IDENT().getText());
            }
            case IndexExprContext i -> {
                memberPath(i.expr(0), path);
                path.add(eval(i.expr(1)));
            }
            default -> throw new UnsupportedConstruct("offsetof", "member designator " + e.getText());
        }
    }

    private static CValue unary(String op, CValue v, ParserRuleContext at) {
        CValue p = v.promoted();
        return switch (op) {
            case "-" -> new CValue(-p.value(), p.bits(), p.unsigned());
            case "+" -> p;
            case "~" -> new CValue(~p.value(), p.bits(), p.unsigned());
            case "!" -> CValue.ofBool(p.value() == 0);
            default -> throw new UnsupportedConstruct("non-constant expression", op + SelftestSyntax.abbreviate(at.getText()));
        };
    }

    private static CValue binary(String op, CValue a, CValue b, ParserRuleContext at) {
        int bits = CValue.commonBits(a, b);
        boolean u = CValue.commonUnsigned(a, b);
        long x = CValue.normalize(a.value(), bits, u);
        long y = CValue.normalize(b.value(), bits, u);
        long r = switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/", "%" -> {
                if (y == 0) throw new UnsupportedConstruct("division by zero", SelftestSyntax.abbreviate(at.getText()));
                yield op.equals("/") ? (u ? Long.divideUnsigned(x, y) : x / y) : (u ? Long.remainderUnsigned(x, y) : x % y);
            }
            case "&" -> x & y;
            case "|" -> x | y;
            case "^" -> x ^ y;
            default -> throw new IllegalStateException(op);
        };
        return new CValue(r, bits, u);
    }

    private static CValue shift(String op, CValue a, CValue b) {
        CValue p = a.promoted();
        int n = (int) (b.value() & 63);
        long r = op.equals("<<") ? p.value() << n : p.unsigned() ? (p.bits() == 64 ? p.value() >>> n : p.value() >>> n) : p.value() >> n;
        return new CValue(r, p.bits(), p.unsigned());
    }

    private static CValue compare(String op, CValue a, CValue b) {
        int bits = CValue.commonBits(a, b);
        boolean u = CValue.commonUnsigned(a, b);
        long x = CValue.normalize(a.value(), bits, u);
        long y = CValue.normalize(b.value(), bits, u);
        int c = u ? Long.compareUnsigned(x, y) : Long.compare(x, y);
        return CValue.ofBool(switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        });
    }
}
