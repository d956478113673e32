package io.kflab.bpf.isa;

import static io.kflab.bpf.isa.Opcodes.*;

import java.util.List;

/** Encodes instructions to wire slots and decodes slots back, rejecting what the kernel rejects as malformed. */
public final class InsnCodec {
    private InsnCodec() {}

    /** Encodes one instruction to its one or two slots. */
    public static List<RawInsn> encode(Insn insn) {
        int code = insn.opcode();
        return switch (insn) {
            case Insn.Alu a -> List.of(switch (a.src()) {
                case Operand.Reg r -> new RawInsn(code, a.dst(), r.reg(), (short) a.op().off(), 0);
                case Operand.Imm i -> new RawInsn(code, a.dst(), 0, (short) a.op().off(), i.value());
            });
            case Insn.Neg n -> List.of(new RawInsn(code, n.dst(), 0, (short) 0, 0));
            case Insn.Endian e -> List.of(new RawInsn(code, e.dst(), 0, (short) 0, e.bits()));
            case Insn.AddrSpaceCast c ->
                    List.of(new RawInsn(code, c.dst(), c.src(), (short) BPF_ADDR_SPACE_CAST, c.imm()));
            case Insn.LoadImm64 l -> List.of(
                    new RawInsn(code, l.dst(), l.source().srcReg(), (short) 0, l.lo()),
                    new RawInsn(0, 0, 0, (short) 0, l.hi()));
            case Insn.LegacyLoad l -> List.of(new RawInsn(code, 0, l.src(), (short) 0, l.imm()));
            case Insn.Load l -> List.of(new RawInsn(code, l.dst(), l.src(), l.off(), 0));
            case Insn.Store s -> List.of(switch (s.src()) {
                case Operand.Reg r -> new RawInsn(code, s.dst(), r.reg(), s.off(), 0);
                case Operand.Imm i -> new RawInsn(code, s.dst(), 0, s.off(), i.value());
            });
            case Insn.Atomic a -> List.of(new RawInsn(code, a.dst(), a.src(), a.off(), a.op().imm()));
            case Insn.Jump j -> List.of(switch (j.src()) {
                case Operand.Reg r -> new RawInsn(code, j.dst(), r.reg(), j.off(), 0);
                case Operand.Imm i -> new RawInsn(code, j.dst(), 0, j.off(), i.value());
            });
            case Insn.Ja j -> List.of(new RawInsn(code, 0, 0, j.off(), 0));
            case Insn.Gotol g -> List.of(new RawInsn(code, 0, 0, (short) 0, g.imm()));
            case Insn.MayGoto m -> List.of(new RawInsn(code, 0, BPF_MAY_GOTO, m.off(), 0));
            case Insn.Call c -> List.of(new RawInsn(code, 0, c.kind().srcReg(), c.off(), c.imm()));
            case Insn.Exit e -> List.of(new RawInsn(code, 0, 0, (short) 0, 0));
        };
    }

    /**
     * Decodes the instruction starting at {@code first}; {@code second} is the following slot or
     * null at the end of the program (needed only by ld_imm64).
     *
     * @throws InvalidInsnException with the kernel's reason when the slot is not a valid instruction
     */
    public static Insn decode(RawInsn first, RawInsn second) {
        int code = first.code();
        // The kernel checks LDX's mode and imm before it looks the opcode up (resolve_pseudo_ldimm64).
        if (cls(code) == BPF_LDX && ((mode(code) != BPF_MEM && mode(code) != BPF_MEMSX) || first.imm() != 0)) {
            throw invalid("BPF_LDX uses reserved fields");
        }
        if (!OpcodeTable.isKnown(code)) throw invalid("unknown opcode %02x", code);
        return switch (cls(code)) {
            case BPF_ALU, BPF_ALU64 -> decodeAlu(first);
            case BPF_JMP, BPF_JMP32 -> decodeJmp(first);
            case BPF_LD -> decodeLd(first, second);
            case BPF_LDX -> decodeLdx(first);
            case BPF_ST -> decodeSt(first);
            default -> decodeStx(first);
        };
    }

    private static Insn decodeAlu(RawInsn r) {
        int code = r.code();
        Width w = cls(code) == BPF_ALU64 ? Width.W64 : Width.W32;
        boolean x = src(code) == BPF_X;
        int op = op(code);
        if (op == BPF_END) {
            if (r.src() != 0 || r.off() != 0 || (r.imm() != 16 && r.imm() != 32 && r.imm() != 64)) {
                throw invalid("BPF_END uses reserved fields");
            }
            Insn.Endian.Kind kind = w == Width.W64 ? Insn.Endian.Kind.BSWAP
                    : x ? Insn.Endian.Kind.BE : Insn.Endian.Kind.LE;
            return new Insn.Endian(kind, r.imm(), reg(r.dst()));
        }
        if (op == BPF_NEG) {
            if (r.src() != 0 || r.off() != 0 || r.imm() != 0) throw invalid("BPF_NEG uses reserved fields");
            return new Insn.Neg(w, reg(r.dst()));
        }
        if (op == BPF_MOV) {
            if (!x) {
                if (r.src() != 0 || r.off() != 0) throw invalid("BPF_MOV uses reserved fields");
                return new Insn.Alu(w, AluOp.MOV, reg(r.dst()), new Operand.Imm(r.imm()));
            }
            if (w == Width.W64 && r.off() == BPF_ADDR_SPACE_CAST) {
                if (r.imm() != 1 && r.imm() != 1 << 16) {
                    throw invalid("addr_space_cast insn can only convert between address space 1 and 0");
                }
                return new Insn.AddrSpaceCast(reg(r.dst()), reg(r.src()), r.imm() >>> 16, r.imm() & 0xffff);
            }
            boolean offOk = r.off() == 0 || r.off() == 8 || r.off() == 16 || (w == Width.W64 && r.off() == 32);
            if (!offOk || r.imm() != 0) throw invalid("BPF_MOV uses reserved fields");
            return new Insn.Alu(w, AluOp.of(BPF_MOV, r.off()), reg(r.dst()), new Operand.Reg(reg(r.src())));
        }
        boolean offOk = r.off() == 0 || (r.off() == 1 && (op == BPF_DIV || op == BPF_MOD));
        if (!offOk || (x ? r.imm() != 0 : r.src() != 0)) throw invalid("BPF_ALU uses reserved fields");
        AluOp aluOp = AluOp.of(op, r.off());
        Operand src = x ? new Operand.Reg(reg(r.src())) : new Operand.Imm(r.imm());
        return new Insn.Alu(w, aluOp, reg(r.dst()), src);
    }

    private static Insn decodeJmp(RawInsn r) {
        int code = r.code();
        boolean jmp32 = cls(code) == BPF_JMP32;
        int op = op(code);
        switch (op) {
            case BPF_JA -> {
                if (r.src() != 0 || r.dst() != 0 || (jmp32 ? r.off() != 0 : r.imm() != 0)) {
                    throw invalid("BPF_JA uses reserved fields");
                }
                return jmp32 ? new Insn.Gotol(r.imm()) : new Insn.Ja(r.off());
            }
            case BPF_CALL -> {
                CallKind kind = CallKind.ofSrcReg(r.src());
                if (kind == null || r.dst() != 0 || (kind != CallKind.KFUNC && r.off() != 0)) {
                    throw invalid("BPF_CALL uses reserved fields");
                }
                return new Insn.Call(kind, r.imm(), r.off());
            }
            case BPF_EXIT -> {
                if (r.src() != 0 || r.dst() != 0 || r.off() != 0 || r.imm() != 0) {
                    throw invalid("BPF_EXIT uses reserved fields");
                }
                return new Insn.Exit();
            }
            case BPF_JCOND -> {
                if (r.src() != BPF_MAY_GOTO || r.dst() != 0 || r.imm() != 0) {
                    throw invalid("invalid may_goto imm %d", r.imm());
                }
                return new Insn.MayGoto(r.off());
            }
            default -> {
                boolean x = src(code) == BPF_X;
                if (x ? r.imm() != 0 : r.src() != 0) throw invalid("BPF_JMP/JMP32 uses reserved fields");
                Operand src = x ? new Operand.Reg(reg(r.src())) : new Operand.Imm(r.imm());
                return new Insn.Jump(jmp32 ? Width.W32 : Width.W64, JmpOp.of(op), reg(r.dst()), src, r.off());
            }
        }
    }

    private static Insn decodeLd(RawInsn r, RawInsn next) {
        int code = r.code();
        if (mode(code) == BPF_IMM) {
            if (next == null || next.code() != 0 || next.dst() != 0 || next.src() != 0 || next.off() != 0) {
                throw invalid("invalid bpf_ld_imm64 insn");
            }
            if (r.off() != 0) throw invalid("BPF_LD_IMM64 uses reserved fields");
            PseudoSource source = PseudoSource.ofSrcReg(r.src());
            if (source == null || ((source == PseudoSource.MAP_FD || source == PseudoSource.MAP_IDX) && next.imm() != 0)) {
                throw invalid("unrecognized bpf_ld_imm64 insn");
            }
            return Insn.LoadImm64.pseudo(reg(r.dst()), source, r.imm(), next.imm());
        }
        boolean indirect = mode(code) == BPF_IND;
        if (r.dst() != 0 || r.off() != 0 || (!indirect && r.src() != 0)) {
            throw invalid("BPF_LD_[ABS|IND] uses reserved fields");
        }
        return new Insn.LegacyLoad(indirect, Size.ofCode(code), reg(r.src()), r.imm());
    }

    private static Insn decodeLdx(RawInsn r) {
        if (r.imm() != 0) throw invalid("BPF_LDX uses reserved fields");
        boolean sx = mode(r.code()) == BPF_MEMSX;
        return new Insn.Load(Size.ofCode(r.code()), sx, reg(r.dst()), reg(r.src()), r.off());
    }

    private static Insn decodeSt(RawInsn r) {
        if (r.src() != 0) throw invalid("BPF_ST uses reserved fields");
        return new Insn.Store(Size.ofCode(r.code()), reg(r.dst()), r.off(), new Operand.Imm(r.imm()));
    }

    private static Insn decodeStx(RawInsn r) {
        Size size = Size.ofCode(r.code());
        if (mode(r.code()) == BPF_MEM) {
            if (r.imm() != 0) throw invalid("BPF_STX uses reserved fields");
            return new Insn.Store(size, reg(r.dst()), r.off(), new Operand.Reg(reg(r.src())));
        }
        AtomicOp op = AtomicOp.ofImm(r.imm());
        if (op == null) throw invalid("BPF_ATOMIC uses invalid atomic opcode %02x", r.imm());
        if (!op.allowsSize(size)) throw invalid("invalid atomic operand size");
        return new Insn.Atomic(size, op, reg(r.dst()), reg(r.src()), r.off());
    }

    private static int reg(int r) {
        if (r >= Regs.MAX_BPF_REG) throw invalid("R%d is invalid", r);
        return r;
    }

    private static InvalidInsnException invalid(String fmt, Object... args) {
        return new InvalidInsnException(args.length == 0 ? fmt : String.format(fmt, args));
    }
}
