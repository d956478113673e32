package io.kflab.bpf.asm;

import io.kflab.bpf.asm.BpfAsmParser.*;
import io.kflab.bpf.isa.RawInsn;
import java.math.BigInteger;

/** Evaluates immediate expressions: numbers, {@code %[name]} operands, + - * / << >> and parentheses. */
final class Expressions {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private final String source;
    private final SymbolTable symbols;

    Expressions(String source, SymbolTable symbols) {
        this.source = source;
        this.symbols = symbols;
    }

    /** A 64-bit value (wrapping, as C does). */
    long value(ExprContext e) {
        return switch (e) {
            case NegExprContext n -> -value(n.expr());
            case PosExprContext p -> value(p.expr());
            case MulExprContext m -> {
                long a = value(m.expr(0)), b = value(m.expr(1));
                if (m.op.getType() == BpfAsmLexer.STAR) yield a * b;
                if (b == 0) throw Assembler.error(source, m.op, "division by zero in a constant expression");
                yield a / b;
            }
            case AddExprContext a -> a.op.getType() == BpfAsmLexer.PLUS
                    ? value(a.expr(0)) + value(a.expr(1)) : value(a.expr(0)) - value(a.expr(1));
            case ShiftExprContext s -> s.op.getType() == BpfAsmLexer.SHL
                    ? value(s.expr(0)) << value(s.expr(1)) : value(s.expr(0)) >> value(s.expr(1));
            case ParenExprContext p -> value(p.expr());
            case NumExprContext n -> number(n);
            case PlaceholderExprContext p -> placeholder(p);
            default -> throw Assembler.error(source, e, "unsupported expression");
        };
    }

    /** A 32-bit immediate: values from -2^31 to 2^32-1 are accepted (the upper half wraps, as LLVM does). */
    int imm32(ExprContext e) {
        long v = value(e);
        if (v < Integer.MIN_VALUE || v > 0xffffffffL) {
            throw Assembler.error(source, e, "immediate " + e.getText() + " does not fit in 32 bits");
        }
        return (int) v;
    }

    long imm64(ExprContext e) {
        return value(e);
    }

    RawInsn rawWord(ExprContext e) {
        if (e instanceof PlaceholderExprContext p) {
            String name = placeholderName(p.PLACEHOLDER().getText());
            Symbol s = symbols.resolve(name).orElseThrow(() -> Assembler.error(source, p, "unknown operand %[" + name + "]"));
            if (s instanceof Symbol.RawWord w) return w.insn();
        }
        return RawInsn.ofLong(value(e));
    }

    private long number(NumExprContext n) {
        String t = n.NUMBER().getText();
        try {
            return parseNumber(t);
        } catch (NumberFormatException ex) {
            throw Assembler.error(source, n, "number " + t + " does not fit in 64 bits");
        }
    }

    private long placeholder(PlaceholderExprContext p) {
        String name = placeholderName(p.PLACEHOLDER().getText());
        Symbol s = symbols.resolve(name).orElseThrow(() -> Assembler.error(source, p, "unknown operand %[" + name + "]"));
        return switch (s) {
            case Symbol.Constant c -> c.value();
            case Symbol.Helper h -> h.id();
            case Symbol.Kfunc k -> k.btfId();
            case Symbol.MapRef m -> m.fdOrIndex();
            case Symbol.RawWord w -> w.insn().toLong();
        };
    }

    static String placeholderName(String text) {
        return text.substring(2, text.length() - 1);
    }

    /** Decimal or 0x hex, up to 2^64-1 (wrapping to a signed long). */
    static long parseNumber(String t) {
        BigInteger v = t.startsWith("0x") || t.startsWith("0X") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
        if (v.compareTo(U64_MAX) > 0) throw new NumberFormatException(t);
        return v.longValue();
    }

}
