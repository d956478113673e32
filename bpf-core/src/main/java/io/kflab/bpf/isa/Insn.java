package io.kflab.bpf.isa;

/**
 * One BPF instruction (kernel: struct bpf_insn; ld_imm64 spans two slots). Each permitted record
 * holds exactly the fields its encoding gives meaning to, so decode(encode(i)) == i.
 */
public sealed interface Insn
        permits Insn.Alu, Insn.Neg, Insn.Endian, Insn.AddrSpaceCast, Insn.LoadImm64, Insn.LegacyLoad,
                Insn.Load, Insn.Store, Insn.Atomic, Insn.Jump, Insn.Ja, Insn.Gotol, Insn.MayGoto,
                Insn.Call, Insn.Exit {

    /** The opcode byte. */
    int opcode();

    /** Number of 8-byte slots: 2 for ld_imm64, 1 otherwise. */
    default int slots() {
        return 1;
    }

    /** {@code dst op= src} on 64-bit registers or 32-bit subregisters (BPF_ALU64 / BPF_ALU). */
    record Alu(Width width, AluOp op, int dst, Operand src) implements Insn {
        public Alu {
            Regs.check(dst);
            if (op.isMovsx() && !(src instanceof Operand.Reg)) {
                throw new IllegalArgumentException("sign-extending move needs a register source");
            }
            if (op == AluOp.MOVSX32 && width == Width.W32) {
                throw new IllegalArgumentException("(s32) move exists only on 64-bit registers");
            }
        }

        @Override
        public int opcode() {
            int cls = width == Width.W64 ? Opcodes.BPF_ALU64 : Opcodes.BPF_ALU;
            return cls | op.code() | (src instanceof Operand.Reg ? Opcodes.BPF_X : Opcodes.BPF_K);
        }
    }

    /** {@code dst = -dst} (BPF_NEG). */
    record Neg(Width width, int dst) implements Insn {
        public Neg {
            Regs.check(dst);
        }

        @Override
        public int opcode() {
            return (width == Width.W64 ? Opcodes.BPF_ALU64 : Opcodes.BPF_ALU) | Opcodes.BPF_NEG;
        }
    }

    /** Byte order conversion (BPF_END): to little endian, to big endian, or an unconditional swap (ALU64). */
    record Endian(Kind kind, int bits, int dst) implements Insn {
        /** le (BPF_TO_LE), be (BPF_TO_BE), bswap (BPF_ALU64 | BPF_END). */
        public enum Kind { LE, BE, BSWAP }

        public Endian {
            Regs.check(dst);
            if (bits != 16 && bits != 32 && bits != 64) {
                throw new IllegalArgumentException("byte swap width must be 16, 32 or 64, not " + bits);
            }
        }

        @Override
        public int opcode() {
            return switch (kind) {
                case LE -> Opcodes.BPF_ALU | Opcodes.BPF_END | Opcodes.BPF_TO_LE;
                case BE -> Opcodes.BPF_ALU | Opcodes.BPF_END | Opcodes.BPF_TO_BE;
                case BSWAP -> Opcodes.BPF_ALU64 | Opcodes.BPF_END | Opcodes.BPF_TO_LE;
            };
        }
    }

    /** {@code dst = addr_space_cast(src, srcAs, dstAs)}: arena pointer conversion (ALU64 MOV X, off 1). */
    record AddrSpaceCast(int dst, int src, int dstAs, int srcAs) implements Insn {
        public AddrSpaceCast {
            Regs.check(dst);
            Regs.check(src);
            if ((dstAs & ~0xffff) != 0 || (srcAs & ~0xffff) != 0) {
                throw new IllegalArgumentException("address spaces are 16-bit");
            }
        }

        /** The imm field: destination space in the high half, source space in the low half. */
        public int imm() {
            return (dstAs << 16) | srcAs;
        }

        @Override
        public int opcode() {
            return Opcodes.BPF_ALU64 | Opcodes.BPF_MOV | Opcodes.BPF_X;
        }
    }

    /**
     * {@code dst = imm64} (BPF_LD | BPF_IMM | BPF_DW, two slots). For pseudo sources with a second
     * operand (map value offset, BTF object fd) that operand is the high 32 bits of {@code imm}.
     */
    record LoadImm64(int dst, PseudoSource source, long imm) implements Insn {
        public LoadImm64 {
            Regs.check(dst);
            if ((source == PseudoSource.MAP_FD || source == PseudoSource.MAP_IDX) && (imm >>> 32) != 0) {
                throw new IllegalArgumentException("a map fd or index load has no second operand");
            }
        }

        public static LoadImm64 of(int dst, long value) {
            return new LoadImm64(dst, PseudoSource.IMM, value);
        }

        public static LoadImm64 pseudo(int dst, PseudoSource source, int first, int second) {
            return new LoadImm64(dst, source, ((long) second << 32) | (first & 0xffffffffL));
        }

        /** The first slot's imm (an fd, an index, a BTF id, or the low word). */
        public int lo() {
            return (int) imm;
        }

        /** The second slot's imm (an offset, a BTF object fd, or the high word). */
        public int hi() {
            return (int) (imm >>> 32);
        }

        @Override
        public int opcode() {
            return Opcodes.BPF_LD | Opcodes.BPF_IMM | Opcodes.BPF_DW;
        }

        @Override
        public int slots() {
            return 2;
        }
    }

    /** Legacy packet loads {@code r0 = *(size *)skb[imm]} and {@code skb[src + imm]} (BPF_ABS / BPF_IND). */
    record LegacyLoad(boolean indirect, Size size, int src, int imm) implements Insn {
        public LegacyLoad {
            Regs.check(src);
            if (size == Size.DW) throw new IllegalArgumentException("BPF_LD_[ABS|IND] has no u64 form");
            if (!indirect && src != 0) throw new IllegalArgumentException("BPF_ABS has no source register");
        }

        @Override
        public int opcode() {
            return Opcodes.BPF_LD | (indirect ? Opcodes.BPF_IND : Opcodes.BPF_ABS) | size.code();
        }
    }

    /** {@code dst = *(size *)(src + off)}, zero- or sign-extending (BPF_LDX | BPF_MEM / BPF_MEMSX). */
    record Load(Size size, boolean signExtend, int dst, int src, short off) implements Insn {
        public Load {
            Regs.check(dst);
            Regs.check(src);
            if (signExtend && size == Size.DW) throw new IllegalArgumentException("no sign-extending u64 load");
        }

        @Override
        public int opcode() {
            return Opcodes.BPF_LDX | (signExtend ? Opcodes.BPF_MEMSX : Opcodes.BPF_MEM) | size.code();
        }
    }

    /** {@code *(size *)(dst + off) = src} from a register (BPF_STX) or an immediate (BPF_ST). */
    record Store(Size size, int dst, short off, Operand src) implements Insn {
        public Store {
            Regs.check(dst);
        }

        @Override
        public int opcode() {
            return (src instanceof Operand.Reg ? Opcodes.BPF_STX : Opcodes.BPF_ST) | Opcodes.BPF_MEM | size.code();
        }
    }

    /**
     * An atomic memory operation at {@code dst + off} with register {@code src} (BPF_STX | BPF_ATOMIC).
     * For LOAD_ACQ the loaded value goes to {@code dst} from address {@code src + off}, as the kernel encodes it.
     */
    record Atomic(Size size, AtomicOp op, int dst, int src, short off) implements Insn {
        public Atomic {
            Regs.check(dst);
            Regs.check(src);
            if (!op.allowsSize(size)) {
                throw new IllegalArgumentException("atomic " + op + " works on u32/u64 only");
            }
        }

        @Override
        public int opcode() {
            return Opcodes.BPF_STX | Opcodes.BPF_ATOMIC | size.code();
        }
    }

    /** {@code if dst op src goto +off} (BPF_JMP / BPF_JMP32 conditional jumps). */
    record Jump(Width width, JmpOp op, int dst, Operand src, short off) implements Insn {
        public Jump {
            Regs.check(dst);
        }

        @Override
        public int opcode() {
            int cls = width == Width.W64 ? Opcodes.BPF_JMP : Opcodes.BPF_JMP32;
            return cls | op.code() | (src instanceof Operand.Reg ? Opcodes.BPF_X : Opcodes.BPF_K);
        }
    }

    /** {@code goto +off} (BPF_JMP | BPF_JA). */
    record Ja(short off) implements Insn {
        @Override
        public int opcode() {
            return Opcodes.BPF_JMP | Opcodes.BPF_JA;
        }
    }

    /** {@code gotol +imm}: the 32-bit-offset jump (BPF_JMP32 | BPF_JA). */
    record Gotol(int imm) implements Insn {
        @Override
        public int opcode() {
            return Opcodes.BPF_JMP32 | Opcodes.BPF_JA;
        }
    }

    /** {@code may_goto +off}: a bounded-loop escape (BPF_JMP | BPF_JCOND, src BPF_MAY_GOTO). */
    record MayGoto(short off) implements Insn {
        @Override
        public int opcode() {
            return Opcodes.BPF_JMP | Opcodes.BPF_JCOND;
        }
    }

    /**
     * A call: helper by id, subprogram by relative offset, or kfunc by BTF id ({@code off} is then the
     * fd_array index of a module BTF, 0 for vmlinux; it is 0 for the other kinds).
     */
    record Call(CallKind kind, int imm, short off) implements Insn {
        public Call {
            if (kind != CallKind.KFUNC && off != 0) {
                throw new IllegalArgumentException("only kfunc calls have an off field");
            }
        }

        public static Call helper(int id) {
            return new Call(CallKind.HELPER, id, (short) 0);
        }

        public static Call subprog(int relative) {
            return new Call(CallKind.SUBPROG, relative, (short) 0);
        }

        public static Call kfunc(int btfId) {
            return new Call(CallKind.KFUNC, btfId, (short) 0);
        }

        @Override
        public int opcode() {
            return Opcodes.BPF_JMP | Opcodes.BPF_CALL;
        }
    }

    /** {@code exit} (BPF_JMP | BPF_EXIT). */
    record Exit() implements Insn {
        @Override
        public int opcode() {
            return Opcodes.BPF_JMP | Opcodes.BPF_EXIT;
        }
    }
}
