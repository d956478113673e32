package io.kflab.bpf.isa;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for every kind of valid instruction and for programs of them. */
public final class InsnArbitraries {
    private InsnArbitraries() {}

    public static Arbitrary<Integer> reg() {
        return Arbitraries.integers().between(0, 10);
    }

    static Arbitrary<Short> off() {
        return Arbitraries.oneOf(Arbitraries.shorts(), Arbitraries.shorts().between((short) -16, (short) 16));
    }

    static Arbitrary<Integer> imm() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(-64, 64));
    }

    static Arbitrary<Operand> operand() {
        return Arbitraries.oneOf(reg().map(Operand.Reg::new), imm().map(Operand.Imm::new));
    }

    public static Arbitrary<Insn> insn() {
        Arbitrary<Insn> alu = Combinators.combine(Arbitraries.of(Width.class), Arbitraries.of(AluOp.class), reg(), operand())
                .filter((w, op, d, s) -> !(op.isMovsx() && (s instanceof Operand.Imm || (op == AluOp.MOVSX32 && w == Width.W32))))
                .as(Insn.Alu::new);
        Arbitrary<Insn> neg = Combinators.combine(Arbitraries.of(Width.class), reg()).as(Insn.Neg::new);
        Arbitrary<Insn> endian = Combinators.combine(Arbitraries.of(Insn.Endian.Kind.class), Arbitraries.of(16, 32, 64), reg())
                .as(Insn.Endian::new);
        Arbitrary<Insn> cast = Combinators.combine(reg(), reg(), Arbitraries.of(List.of(new int[] {0, 1}, new int[] {1, 0})))
                .as((d, s, as) -> new Insn.AddrSpaceCast(d, s, as[0], as[1]));
        Arbitrary<Insn> ldImm = Combinators.combine(reg(), Arbitraries.of(PseudoSource.class),
                Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-100, 100)))
                .as((d, src, v) -> src == PseudoSource.MAP_FD || src == PseudoSource.MAP_IDX
                        ? new Insn.LoadImm64(d, src, v & 0xffffffffL) : new Insn.LoadImm64(d, src, v));
        Arbitrary<Insn> legacy = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(Size.B, Size.H, Size.W), reg(), imm())
                .as((ind, size, src, imm) -> new Insn.LegacyLoad(ind, size, ind ? src : 0, imm));
        Arbitrary<Insn> load = Combinators.combine(Arbitraries.of(Size.class), Arbitraries.of(true, false), reg(), reg(), off())
                .filter((size, sx, d, s, o) -> !(sx && size == Size.DW))
                .as(Insn.Load::new);
        Arbitrary<Insn> store = Combinators.combine(Arbitraries.of(Size.class), reg(), off(), operand()).as(Insn.Store::new);
        Arbitrary<Insn> atomic = Combinators.combine(Arbitraries.of(Size.class), Arbitraries.of(AtomicOp.class), reg(), reg(), off())
                .filter((size, op, d, s, o) -> op.allowsSize(size))
                .as(Insn.Atomic::new);
        Arbitrary<Insn> jump = Combinators.combine(Arbitraries.of(Width.class), Arbitraries.of(JmpOp.class), reg(), operand(), off())
                .as(Insn.Jump::new);
        Arbitrary<Insn> ja = off().map(Insn.Ja::new);
        Arbitrary<Insn> gotol = imm().map(Insn.Gotol::new);
        Arbitrary<Insn> mayGoto = off().map(Insn.MayGoto::new);
        Arbitrary<Insn> call = Combinators.combine(Arbitraries.of(CallKind.class), imm(), off())
                .as((k, imm, o) -> new Insn.Call(k, imm, k == CallKind.KFUNC ? o : 0));
        Arbitrary<Insn> exit = Arbitraries.just(new Insn.Exit());
        return Arbitraries.oneOf(alu, neg, endian, cast, ldImm, legacy, load, store, atomic, jump, ja, gotol, mayGoto, call, exit);
    }

    public static Arbitrary<Program> program() {
        return insn().list().ofMinSize(1).ofMaxSize(40).map(Program::new);
    }

    /** Any 8-byte slot, biased towards known opcodes so the decoder's field checks are exercised. */
    public static Arbitrary<RawInsn> rawSlot() {
        Arbitrary<Integer> code = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255).filter(OpcodeTable::isKnown));
        Arbitrary<Integer> nibble = Arbitraries.oneOf(Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 2));
        Arbitrary<Short> off = Arbitraries.oneOf(Arbitraries.shorts(), Arbitraries.of((short) 0, (short) 1, (short) 8, (short) 16, (short) 32));
        Arbitrary<Integer> imm = Arbitraries.oneOf(Arbitraries.integers(),
                Arbitraries.of(0, 1, 16, 32, 64, 0x01, 0x40, 0x41, 0x50, 0x51, 0xa0, 0xa1, 0xe1, 0xf1, 0x100, 0x110, 1 << 16));
        return Combinators.combine(code, nibble, nibble, off, imm).as(RawInsn::new);
    }
}
