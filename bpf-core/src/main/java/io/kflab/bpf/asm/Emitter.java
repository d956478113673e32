package io.kflab.bpf.asm;

import io.kflab.bpf.asm.BpfAsmParser.*;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** The assembler's second pass: turns each parsed statement into instruction slots. */
final class Emitter {
    private final String source;
    private final Map<String, Integer> labels;
    private final SymbolTable symbols;
    final List<RawInsn> slots = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();
    private final Expressions exprs;

    Emitter(String source, Map<String, Integer> labels, SymbolTable symbols) {
        this.source = source;
        this.labels = labels;
        this.symbols = symbols;
        this.exprs = new Expressions(source, symbols);
    }

    void emit(BodyContext body) {
        int line = body.getStart().getLine();
        if (body instanceof RawWordContext raw) {
            slots.add(exprs.rawWord(raw.value));
            lines.add(line);
            return;
        }
        Insn insn = build(body);
        for (RawInsn r : InsnCodec.encode(insn)) {
            slots.add(r);
            lines.add(line);
        }
    }

    private Insn build(BodyContext body) {
        return switch (body) {
            case AluRegContext c -> aluReg(c);
            case AluImmContext c -> aluImm(c);
            case NegContext c -> {
                Width w = width(c.dst);
                sameWidth(w, c.src);
                if (regNo(c.dst) != regNo(c.src)) throw err(c.src, "negation needs the same register on both sides");
                yield new Insn.Neg(w, regNo(c.dst));
            }
            case MovsxContext c -> movsx(c);
            case EndianContext c -> endian(c);
            case LdImm64Context c -> ldImm64(c);
            case LoadContext c -> load(c);
            case LegacyLoadContext c -> legacyLoad(c);
            case FnAssignContext c -> fnAssign(c);
            case FnStatementContext c -> fnStatement(c);
            case StoreContext c -> store(c);
            case AtomicRmwContext c -> atomicRmw(c);
            case CondJumpContext c -> condJump(c);
            case JaContext c -> new Insn.Ja(off16(c.tgt, target(c.tgt)));
            case GotolContext c -> new Insn.Gotol(target(c.tgt));
            case MayGotoContext c -> new Insn.MayGoto(off16(c.tgt, target(c.tgt)));
            case CallContext c -> call(c.callee);
            case ExitContext c -> new Insn.Exit();
            default -> throw err(body, "unsupported statement");
        };
    }

    private Insn aluReg(AluRegContext c) {
        Width w = width(c.dst);
        sameWidth(w, c.src);
        AluOp op = AluOp.ofSymbol(c.op.getText());
        return new Insn.Alu(w, op, regNo(c.dst), new Operand.Reg(regNo(c.src)));
    }

    private Insn aluImm(AluImmContext c) {
        Width w = width(c.dst);
        AluOp op = AluOp.ofSymbol(c.op.getText());
        return new Insn.Alu(w, op, regNo(c.dst), new Operand.Imm(exprs.imm32(c.value)));
    }

    private Insn movsx(MovsxContext c) {
        Width w = width(c.dst);
        sameWidth(w, c.src);
        AluOp op = switch (c.cast.getText()) {
            case "s8" -> AluOp.MOVSX8;
            case "s16" -> AluOp.MOVSX16;
            case "s32" -> AluOp.MOVSX32;
            default -> throw err(c.cast, "expected a sign-extending cast (s8), (s16) or (s32), found '" + c.cast.getText() + "'");
        };
        if (op == AluOp.MOVSX32 && w == Width.W32) throw err(c.cast, "(s32) moves exist only on 64-bit registers");
        return new Insn.Alu(w, op, regNo(c.dst), new Operand.Reg(regNo(c.src)));
    }

    private Insn endian(EndianContext c) {
        String s = c.swap.getText();
        Insn.Endian.Kind kind;
        String bits;
        if (s.startsWith("bswap")) {
            kind = Insn.Endian.Kind.BSWAP;
            bits = s.substring(5);
        } else if (s.startsWith("be") || s.startsWith("le")) {
            kind = s.startsWith("be") ? Insn.Endian.Kind.BE : Insn.Endian.Kind.LE;
            bits = s.substring(2);
        } else {
            throw err(c.swap, "expected be16/be32/be64, le16/le32/le64 or bswap16/bswap32/bswap64, found '" + s + "'");
        }
        if (!bits.equals("16") && !bits.equals("32") && !bits.equals("64")) {
            throw err(c.swap, "expected a byte-swap width of 16, 32 or 64 in '" + s + "'");
        }
        if (regNo(c.dst) != regNo(c.src)) throw err(c.src, "byte swaps work in place: use the same register on both sides");
        return new Insn.Endian(kind, Integer.parseInt(bits), regNo(c.dst));
    }

    private Insn ldImm64(LdImm64Context c) {
        if (!c.suffix.getText().equals("ll")) {
            throw err(c.suffix, "expected 'll' after a 64-bit immediate, found '" + c.suffix.getText() + "'");
        }
        requireR(c.dst);
        int dst = regNo(c.dst);
        ImmValueContext v = c.value;
        if (v.fn != null) {
            PseudoSource src = PseudoSource.ofAsmName(v.fn.getText());
            if (src == null) {
                throw err(v.fn, "expected map_fd, map_value, btf_id, func, map_idx or map_idx_value, found '" + v.fn.getText() + "'");
            }
            int first = exprs.imm32(v.expr(0));
            int second = v.expr().size() > 1 ? exprs.imm32(v.expr(1)) : 0;
            if ((src == PseudoSource.MAP_FD || src == PseudoSource.MAP_IDX) && second != 0) {
                throw err(v.expr(1), v.fn.getText() + "(...) takes one operand; for a value offset use map_value(fd, off)");
            }
            return Insn.LoadImm64.pseudo(dst, src, first, second);
        }
        if (v.sym != null) {
            return fromSymbol(dst, v.sym, v.sym.getText());
        }
        ExprContext e = v.expr(0);
        if (e instanceof PlaceholderExprContext p) {
            String name = Expressions.placeholderName(p.PLACEHOLDER().getText());
            Symbol s = symbols.resolve(name).orElseThrow(() -> err(p, "unknown operand %[" + name + "]"));
            if (s instanceof Symbol.MapRef || s instanceof Symbol.Kfunc) return fromSymbol(dst, p.PLACEHOLDER().getSymbol(), name);
        }
        return Insn.LoadImm64.of(dst, exprs.imm64(e));
    }

    private Insn fromSymbol(int dst, Token at, String name) {
        Symbol s = symbols.resolve(name).orElseThrow(() -> err(at, "unknown symbol '" + name + "'"));
        return switch (s) {
            case Symbol.MapRef m -> {
                PseudoSource src = m.source();
                if (m.valueOffset() != 0 && src == PseudoSource.MAP_FD) src = PseudoSource.MAP_VALUE;
                if (m.valueOffset() != 0 && src == PseudoSource.MAP_IDX) src = PseudoSource.MAP_IDX_VALUE;
                yield Insn.LoadImm64.pseudo(dst, src, m.fdOrIndex(), m.valueOffset());
            }
            case Symbol.Constant k -> Insn.LoadImm64.of(dst, k.value());
            case Symbol.Kfunc k -> Insn.LoadImm64.pseudo(dst, PseudoSource.BTF_ID, k.btfId(), k.off());
            default -> throw err(at, "'" + name + "' is not a value a 64-bit load can take");
        };
    }

    private Insn load(LoadContext c) {
        String ty = c.ty.getText();
        boolean sx = ty.startsWith("s");
        Size size = size(c.ty, sx);
        if (sx && size == Size.DW) throw err(c.ty, "no sign-extending u64 load: use u64");
        Mem m = mem(c.mem);
        return new Insn.Load(size, sx, regNo(c.dst), m.base, m.off);
    }

    private Insn legacyLoad(LegacyLoadContext c) {
        if (!c.skb.getText().equals("skb")) throw err(c.skb, "expected 'skb[...]' for a legacy packet load");
        if (regNo(c.dst) != 0) throw err(c.dst, "legacy packet loads always load into r0");
        Size size = size(c.ty, false);
        if (size == Size.DW) throw err(c.ty, "legacy packet loads are u8, u16 or u32");
        if (c.ind != null) {
            int imm = c.off == null ? 0 : exprs.imm32(c.off);
            return new Insn.LegacyLoad(true, size, regNo(c.ind), imm);
        }
        return new Insn.LegacyLoad(false, size, 0, exprs.imm32(c.abs));
    }

    private Insn store(StoreContext c) {
        Size size = size(c.ty, false);
        Mem m = mem(c.mem);
        Operand src = c.srcReg != null ? new Operand.Reg(regNo(c.srcReg)) : new Operand.Imm(exprs.imm32(c.srcImm));
        return new Insn.Store(size, m.base, m.off, src);
    }

    private Insn atomicRmw(AtomicRmwContext c) {
        Size size = size(c.ty, false);
        AtomicOp op = switch (c.op.getText()) {
            case "+=" -> AtomicOp.ADD;
            case "|=" -> AtomicOp.OR;
            case "&=" -> AtomicOp.AND;
            case "^=" -> AtomicOp.XOR;
            default -> throw err(c.op, "expected +=, |=, &= or ^= after 'lock', found '" + c.op.getText() + "'");
        };
        if (!op.allowsSize(size)) throw err(c.ty, "atomic operations work on u32 or u64");
        Mem m = mem(c.mem);
        return new Insn.Atomic(size, op, m.base, regNo(c.src), m.off);
    }

    private Insn fnAssign(FnAssignContext c) {
        String fn = c.fn.getText();
        List<FnArgContext> args = c.fnArg();
        int dst = regNo(c.dst);
        if (fn.equals("addr_space_cast")) {
            arity(c, args, 3);
            int src = reg(args.get(0));
            long dstAs = value(args.get(1)), srcAs = value(args.get(2));
            if (dstAs < 0 || dstAs > 0xffff || srcAs < 0 || srcAs > 0xffff) {
                throw err(args.get(1), "address spaces are numbers from 0 to 65535");
            }
            return new Insn.AddrSpaceCast(dst, src, (int) dstAs, (int) srcAs);
        }
        if (fn.equals("load_acquire")) {
            arity(c, args, 1);
            MemArgContext m = memArg(args.get(0));
            Mem mem = mem(m.mem);
            return new Insn.Atomic(size(m.ty, false), AtomicOp.LOAD_ACQ, dst, mem.base, mem.off);
        }
        AtomicOp op = fetchOp(fn);
        if (op == null) {
            throw err(c.fn, "unknown function '" + fn + "'; expected atomic_fetch_add/and/or/xor, "
                    + "atomic64_xchg, atomic64_cmpxchg, xchg_64, cmpxchg_64, load_acquire or addr_space_cast");
        }
        boolean llvmForm = fn.startsWith("xchg") || fn.startsWith("cmpxchg");
        Size size;
        Mem mem;
        FnArgContext first = args.get(0);
        if (llvmForm) {
            size = fn.endsWith("32_32") ? Size.W : Size.DW;
            mem = regOff(first);
        } else {
            MemArgContext m = memArg(first);
            size = size(m.ty, false);
            mem = mem(m.mem);
            if (fn.startsWith("atomic64") && size != Size.DW) throw err(m.ty, fn + " works on u64");
        }
        if (!op.allowsSize(size)) throw err(first, "atomic operations work on u32 or u64");
        if (op == AtomicOp.CMPXCHG) {
            arity(c, args, 3);
            if (dst != 0 || reg(args.get(1)) != 0) throw err(c.dst, "cmpxchg compares with and returns in r0");
            return new Insn.Atomic(size, op, mem.base, reg(args.get(2)), mem.off);
        }
        arity(c, args, 2);
        int src = reg(args.get(1));
        if (src != dst) throw err(args.get(1), "the fetched value returns in the source register: write r" + src + " = ...(..., r" + src + ")");
        return new Insn.Atomic(size, op, mem.base, src, mem.off);
    }

    private static AtomicOp fetchOp(String fn) {
        String f = fn.replaceFirst("^atomic64_", "atomic_");
        return switch (f) {
            case "atomic_fetch_add" -> AtomicOp.FETCH_ADD;
            case "atomic_fetch_and" -> AtomicOp.FETCH_AND;
            case "atomic_fetch_or" -> AtomicOp.FETCH_OR;
            case "atomic_fetch_xor" -> AtomicOp.FETCH_XOR;
            case "atomic_xchg", "xchg_64", "xchg32_32" -> AtomicOp.XCHG;
            case "atomic_cmpxchg", "cmpxchg_64", "cmpxchg32_32" -> AtomicOp.CMPXCHG;
            default -> null;
        };
    }

    private Insn fnStatement(FnStatementContext c) {
        if (!c.fn.getText().equals("store_release")) {
            throw err(c.fn, "expected an instruction; '" + c.fn.getText() + "(...)' alone is only valid as store_release(...)");
        }
        arity(c, c.fnArg(), 2);
        MemArgContext m = memArg(c.fnArg(0));
        Mem mem = mem(m.mem);
        return new Insn.Atomic(size(m.ty, false), AtomicOp.STORE_REL, mem.base, reg(c.fnArg(1)), mem.off);
    }

    private Insn condJump(CondJumpContext c) {
        Width w = width(c.dst);
        JmpOp op = JmpOp.ofSymbol(c.op.getText());
        Operand src;
        if (c.srcReg != null) {
            sameWidth(w, c.srcReg);
            src = new Operand.Reg(regNo(c.srcReg));
        } else {
            src = new Operand.Imm(exprs.imm32(c.srcImm));
        }
        return new Insn.Jump(w, op, regNo(c.dst), src, off16(c.tgt, target(c.tgt)));
    }

    private Insn call(CallTargetContext t) {
        return switch (t) {
            case CallPcContext p -> Insn.Call.subprog(signed(p.sign, p.NUMBER()));
            case CallNameIdContext n -> {
                int id = exprs.imm32(n.id);
                String name = n.name.getText();
                Integer helper = symbols.helpers().id(name);
                yield helper != null && helper == id ? Insn.Call.helper(id)
                        : name.equals("unknown") ? Insn.Call.helper(id) : new Insn.Call(CallKind.KFUNC, id, (short) 0);
            }
            case CallFnContext f -> {
                if (!f.fn.getText().equals("kfunc")) throw err(f.fn, "expected kfunc(BTF_ID[, OFF]), found '" + f.fn.getText() + "(...)'");
                int id = exprs.imm32(f.expr(0));
                int off = f.expr().size() > 1 ? exprs.imm32(f.expr(1)) : 0;
                if (off != (short) off) throw err(f.expr(1), "kfunc fd_array index must fit in 16 bits");
                yield new Insn.Call(CallKind.KFUNC, id, (short) off);
            }
            case CallNameContext n -> callByName(n.name, n.name.getText());
            case CallPlaceholderContext p -> callByName(p.PLACEHOLDER().getSymbol(),
                    Expressions.placeholderName(p.PLACEHOLDER().getText()));
            case CallIdContext i -> Insn.Call.helper(exprs.imm32(i.id));
            default -> throw err(t, "unsupported call target");
        };
    }

    private Insn callByName(Token at, String name) {
        Integer label = labels.get(name);
        if (label != null) return Insn.Call.subprog(label - (slots.size() + 1));
        Symbol s = symbols.resolve(name).orElseThrow(() -> err(at,
                "unknown function '" + name + "': not a label, a helper or a kfunc"));
        return switch (s) {
            case Symbol.Helper h -> Insn.Call.helper(h.id());
            case Symbol.Kfunc k -> new Insn.Call(CallKind.KFUNC, k.btfId(), k.off());
            case Symbol.Constant k -> Insn.Call.helper((int) k.value());
            default -> throw err(at, "'" + name + "' is not a function");
        };
    }

    /** Relative slot offset to the target. */
    private int target(TargetContext t) {
        return switch (t) {
            case LabelTargetContext l -> {
                Integer at = labels.get(l.name.getText());
                if (at == null) throw err(l.name, "unknown label '" + l.name.getText() + "'");
                yield at - (slots.size() + 1);
            }
            case PcTargetContext p -> signed(p.sign, p.NUMBER());
            case RelTargetContext r -> signed(r.sign, r.NUMBER());
            default -> throw err(t, "unsupported jump target");
        };
    }

    private int signed(Token sign, TerminalNode number) {
        long v;
        try {
            v = Expressions.parseNumber(number.getText());
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (sign != null && sign.getType() == BpfAsmLexer.MINUS) v = -v;
        if (v != (int) v) throw err(number, "jump offset " + number.getText() + " does not fit in 32 bits");
        return (int) v;
    }

    private short off16(ParserRuleContext at, int off) {
        if (off != (short) off) throw err(at, "jump offset " + off + " does not fit in 16 bits: use gotol");
        return (short) off;
    }

    private record Mem(int base, short off) {}

    private Mem mem(MemAddrContext m) {
        int base = regNo(m.base);
        if (m.base.getText().charAt(0) != 'r') throw err(m.base, "memory is addressed through an r-register");
        long off = 0;
        if (m.off != null) {
            off = exprs.value(m.off);
            if (m.sign.getType() == BpfAsmLexer.MINUS) off = -off;
        }
        if (off != (short) off) throw err(m, "memory offset " + off + " does not fit in 16 bits");
        return new Mem(base, (short) off);
    }

    private Mem regOff(FnArgContext a) {
        if (a instanceof RegOffArgContext r) {
            long off = exprs.value(r.off);
            if (r.sign.getType() == BpfAsmLexer.MINUS) off = -off;
            if (off != (short) off) throw err(r, "memory offset " + off + " does not fit in 16 bits");
            return new Mem(regNo(r.base), (short) off);
        }
        if (a instanceof RegArgContext r) return new Mem(regNo(r.reg), (short) 0);
        throw err(a, "expected an address 'rN + off'");
    }

    private MemArgContext memArg(FnArgContext a) {
        if (a instanceof MemArgContext m) return m;
        throw err(a, "expected a memory operand like (u64 *)(r1 + 0)");
    }

    private int reg(FnArgContext a) {
        if (a instanceof RegArgContext r) return regNo(r.reg);
        throw err(a, "expected a register");
    }

    private long value(FnArgContext a) {
        if (a instanceof ExprArgContext e) return exprs.value(e.value);
        throw err(a, "expected a number");
    }

    private void arity(ParserRuleContext c, List<FnArgContext> args, int n) {
        if (args.size() != n) throw err(c, "expected " + n + " argument" + (n == 1 ? "" : "s") + ", found " + args.size());
    }

    private Size size(Token ty, boolean signed) {
        String t = ty.getText();
        return switch (signed ? t.replaceFirst("^s", "u") : t) {
            case "u8" -> Size.B;
            case "u16" -> Size.H;
            case "u32" -> Size.W;
            case "u64" -> Size.DW;
            default -> throw err(ty, "expected an access type u8, u16, u32 or u64"
                    + (signed ? " (or s8, s16, s32)" : "") + ", found '" + t + "'");
        };
    }

    private static int regNo(Token reg) {
        return Integer.parseInt(reg.getText().substring(1));
    }

    private static Width width(Token reg) {
        return reg.getText().charAt(0) == 'w' ? Width.W32 : Width.W64;
    }

    private void sameWidth(Width w, Token reg) {
        if (width(reg) != w) {
            throw err(reg, "expected a " + w.regPrefix() + "-register like the destination, found " + reg.getText());
        }
    }

    private void requireR(Token reg) {
        if (width(reg) != Width.W64) throw err(reg, "expected an r-register, found " + reg.getText());
    }

    private BadInputException err(Token at, String msg) {
        return Assembler.error(source, at, msg);
    }

    private BadInputException err(ParserRuleContext at, String msg) {
        return Assembler.error(source, at, msg);
    }

    private BadInputException err(TerminalNode at, String msg) {
        return Assembler.error(source, at, msg);
    }
}
