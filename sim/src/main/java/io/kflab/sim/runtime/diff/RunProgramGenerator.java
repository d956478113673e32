package io.kflab.sim.runtime.diff;

import io.kflab.bpf.isa.AluOp;
import io.kflab.bpf.isa.AtomicOp;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.JmpOp;
import io.kflab.bpf.isa.Operand;
import io.kflab.bpf.isa.PseudoSource;
import io.kflab.bpf.isa.Size;
import io.kflab.bpf.isa.Width;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.helpers.HelperTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random programs the kernel's verifier accepts, for comparing execution: scalars read from the packet
 * or context, then ALU operations of every kind (division and modulo by registers that may be zero,
 * masked shifts, sign extension, byte swaps), stack stores, loads and atomics, forward branches,
 * array and hash map lookups, updates and deletes, legacy packet loads, a bpf-to-bpf call; finally the
 * registers go into the array map and the packet, so map contents and data_out witness the results.
 *
 * <p>Registers r0-r5 and r7-r9 hold scalars at every block boundary; r6 holds the context; the stack
 * area fp-64..fp-1 is written before anything reads it.
 */
public final class RunProgramGenerator {
    /** Array map shape: u32 key, u64 value, 8 entries (keys 8..15 miss). */
    public static final int ARRAY_ENTRIES = 8;
    /** Hash map shape: u32 key, u64 value, 4 entries (so updates meet -E2BIG). */
    public static final int HASH_ENTRIES = 4;
    /** Packet length of the generated inputs. */
    public static final int PACKET = 64;
    /** Syscall context length. */
    public static final int SYSCALL_CTX = 64;

    private static final int[] SCALARS = {0, 1, 2, 3, 4, 5, 7, 8, 9};
    private static final int[] KEEP = {7, 8, 9};
    private static final int LOOKUP = HelperTable.id("map_lookup_elem"), UPDATE = HelperTable.id("map_update_elem"),
            DELETE = HelperTable.id("map_delete_elem");
    private static final long[] SPECIAL = {0, 1, -1, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL, Long.MIN_VALUE, Long.MAX_VALUE,
            0x80, 0xff, 0x7f, 31, 32, 63, 64, -0x8000_0000L, 0x1_0000_0000L};

    private final Random rnd;
    private final int arrayFd, hashFd;
    private CodeBuilder b;
    private ProgType type;
    private boolean hasSubprog;
    private final List<int[]> pending = new ArrayList<>(); // {label, blocks left}
    private int jumps;

    public RunProgramGenerator(Random rnd, int arrayFd, int hashFd) {
        this.rnd = rnd;
        this.arrayFd = arrayFd;
        this.hashFd = hashFd;
    }

    /** The types generated programs take: the four BPF_PROG_TEST_RUN families. */
    public static final List<ProgType> TYPES = List.of(ProgType.SOCKET_FILTER, ProgType.SCHED_CLS, ProgType.XDP, ProgType.SYSCALL);

    public GeneratedRun generate(ProgType type) {
        this.type = type;
        this.b = new CodeBuilder();
        this.pending.clear();
        this.jumps = 0;
        this.hasSubprog = rnd.nextInt(4) == 0;
        int sub = b.newLabel();
        int out = b.newLabel();
        prologue(out);
        int blocks = 12 + rnd.nextInt(24);
        if (hasSubprog) callSub(sub); // at least one call, or the subprogram is unreachable
        for (int i = 0; i < blocks; i++) {
            block(sub);
            closeLabels(false);
        }
        closeLabels(true);
        epilogue();
        if (type == ProgType.SCHED_CLS || type == ProgType.XDP) { // the packet bounds check's way out
            b.place(out);
            b.emit(alu(Width.W64, AluOp.MOV, 0, Operand.imm(rnd.nextInt(3))));
            b.emit(new Insn.Exit());
        }
        if (hasSubprog) subprog(sub);
        byte[] data = null, ctx = null;
        if (type == ProgType.SYSCALL) {
            ctx = new byte[SYSCALL_CTX];
            rnd.nextBytes(ctx);
        } else {
            data = new byte[PACKET];
            rnd.nextBytes(data);
            switch (rnd.nextInt(5)) {
                case 0 -> java.util.Arrays.fill(data, 0, 6, (byte) 0);
                case 1 -> java.util.Arrays.fill(data, 0, 6, (byte) 0xff);
                case 2 -> { data[12] = 8; data[13] = 0; }
                default -> {}
            }
        }
        return new GeneratedRun(type, b.build(), data, ctx);
    }

    // ---- structure

    private void prologue(int out) {
        b.emit(alu(Width.W64, AluOp.MOV, 6, Operand.reg(1)));
        for (int off = 8; off <= 64; off += 8) b.emit(new Insn.Store(Size.DW, 10, (short) -off, Operand.imm(small())));
        switch (type) {
            case SOCKET_FILTER, SCHED_CLS -> {
                for (int r : KEEP) {
                    b.emit(new Insn.LegacyLoad(false, pick(Size.B, Size.H, Size.W), 0, rnd.nextInt(PACKET - 14 - 4)));
                    b.emit(alu(Width.W64, AluOp.MOV, r, Operand.reg(0)));
                }
                int[] fields = type == ProgType.SCHED_CLS ? new int[] {0, 4, 8, 16, 32, 40, 48, 52, 64} : new int[] {0, 4, 8, 16, 32, 48, 60};
                b.emit(new Insn.Load(Size.W, false, 0, 6, (short) fields[rnd.nextInt(fields.length)]));
                if (type == ProgType.SCHED_CLS) packetLoads(76, 80, out);
            }
            case XDP -> packetLoads(0, 4, out);
            default -> {
                for (int i = 0; i < 3; i++) b.emit(new Insn.Load(pick(Size.DW, Size.W, Size.H, Size.B), false, KEEP[i], 6, (short) (8 * rnd.nextInt(8))));
                b.emit(new Insn.Load(Size.DW, false, 0, 6, (short) (8 * rnd.nextInt(8))));
            }
        }
        reinit(1, 5);
    }

    /** Packet pointers from ctx fields, a bounds check, then scalar loads from the first 48 bytes. */
    private void packetLoads(int dataOff, int endOff, int out) {
        b.emit(new Insn.Load(Size.W, false, 2, 6, (short) dataOff));
        b.emit(new Insn.Load(Size.W, false, 3, 6, (short) endOff));
        b.emit(alu(Width.W64, AluOp.MOV, 1, Operand.reg(2)));
        b.emit(alu(Width.W64, AluOp.ADD, 1, Operand.imm(48)));
        b.jump(Width.W64, JmpOp.JGT, 1, Operand.reg(3), out);
        int n = type == ProgType.XDP ? 4 : 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            Size s = pick(Size.B, Size.H, Size.W, Size.DW);
            int dst = i < 3 ? KEEP[i] : 0;
            b.emit(new Insn.Load(s, rnd.nextInt(4) == 0 && s != Size.DW, dst, 2, (short) (rnd.nextInt(48 / s.bytes()) * s.bytes())));
        }
        if (type == ProgType.XDP) return;
        b.emit(alu(Width.W64, AluOp.MOV, 0, Operand.reg(KEEP[rnd.nextInt(3)])));
    }

    private void epilogue() {
        // Fold r1-r5 into the kept registers, then store r0, r7, r8, r9 and a stack word in array keys 4-7.
        for (int r = 1; r <= 5; r++) b.emit(alu(Width.W64, pick(AluOp.XOR, AluOp.ADD, AluOp.SUB), KEEP[rnd.nextInt(3)], Operand.reg(r)));
        b.emit(new Insn.Store(Size.DW, 10, (short) -24, Operand.reg(0)));
        int[] src = {7, 8, 9};
        for (int i = 0; i < 3; i++) {
            b.emit(new Insn.Store(Size.DW, 10, (short) -16, Operand.reg(src[i])));
            arrayUpdate(4 + i, -16);
        }
        arrayUpdate(7, -8 * (3 + rnd.nextInt(6)));
        if (type == ProgType.SCHED_CLS || type == ProgType.XDP) packetWrites();
        b.emit(new Insn.Load(Size.DW, false, 0, 10, (short) -24));
        if (rnd.nextBoolean()) b.emit(alu(Width.W64, AluOp.XOR, 0, Operand.reg(KEEP[rnd.nextInt(3)])));
        b.emit(new Insn.Exit());
    }

    private void arrayUpdate(int key, int valueOff) {
        b.emit(new Insn.Store(Size.W, 10, (short) -4, Operand.imm(key)));
        mapCall(UPDATE, arrayFd, -4, valueOff, 0);
    }

    private void packetWrites() {
        int skip = b.newLabel();
        int dataOff = type == ProgType.XDP ? 0 : 76, endOff = type == ProgType.XDP ? 4 : 80;
        b.emit(new Insn.Load(Size.W, false, 2, 6, (short) dataOff));
        b.emit(new Insn.Load(Size.W, false, 3, 6, (short) endOff));
        b.emit(alu(Width.W64, AluOp.MOV, 1, Operand.reg(2)));
        b.emit(alu(Width.W64, AluOp.ADD, 1, Operand.imm(48)));
        b.jump(Width.W64, JmpOp.JGT, 1, Operand.reg(3), skip);
        for (int i = 0; i < 3; i++) {
            Size s = pick(Size.B, Size.H, Size.W, Size.DW);
            b.emit(new Insn.Store(s, 2, (short) (rnd.nextInt(48 / s.bytes()) * s.bytes()), Operand.reg(KEEP[i])));
        }
        b.place(skip);
    }

    private void subprog(int label) {
        b.place(label);
        for (int off = 8; off <= 32; off += 8) b.emit(new Insn.Store(Size.DW, 10, (short) -off, Operand.reg(1 + rnd.nextInt(5))));
        b.emit(alu(Width.W64, AluOp.MOV, 0, Operand.reg(1)));
        int n = 3 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            int d = rnd.nextInt(6);
            switch (rnd.nextInt(4)) {
                case 0 -> b.emit(new Insn.Load(pick(Size.B, Size.H, Size.W, Size.DW), false, d, 10, (short) -(8 * (1 + rnd.nextInt(4)))));
                case 1 -> b.emit(new Insn.Store(Size.DW, 10, (short) -(8 * (1 + rnd.nextInt(4))), Operand.reg(d)));
                default -> b.emit(aluRandom(d, rnd.nextInt(6)));
            }
        }
        b.emit(new Insn.Exit());
    }

    private void closeLabels(boolean all) {
        for (var it = pending.iterator(); it.hasNext(); ) {
            int[] p = it.next();
            if (all || --p[1] <= 0) {
                b.place(p[0]);
                it.remove();
            }
        }
    }

    // ---- blocks

    private void block(int sub) {
        int k = rnd.nextInt(100);
        boolean skbLoads = (type == ProgType.SOCKET_FILTER || type == ProgType.SCHED_CLS) && !hasSubprog;
        if (k < 38) b.emit(aluRandom(scalar(), scalar()));
        else if (k < 42) b.emit(special());
        else if (k < 44) divisionEdge();
        else if (k < 46) b.emit(new Insn.Neg(rnd.nextBoolean() ? Width.W64 : Width.W32, scalar()));
        else if (k < 50) b.emit(new Insn.Endian(pick(Insn.Endian.Kind.LE, Insn.Endian.Kind.BE, Insn.Endian.Kind.BSWAP), pickInt(16, 32, 64), scalar()));
        else if (k < 56) stackStore();
        else if (k < 62) stackLoad();
        else if (k < 68) stackAtomic();
        else if (k < 76) {
            if (jumps < 7) branch();
        } else if (k < 82) lookup(rnd.nextBoolean() ? arrayFd : hashFd);
        else if (k < 88) update();
        else if (k < 90) delete();
        else if (k < 94 && skbLoads) legacyLoad();
        else if (k < 97 && hasSubprog) callSub(sub);
        else b.emit(aluRandom(scalar(), scalar()));
    }

    private Insn aluRandom(int dst, int srcReg) {
        Width w = rnd.nextBoolean() ? Width.W64 : Width.W32;
        AluOp op = AluOp.values()[rnd.nextInt(AluOp.values().length)];
        if (op == AluOp.MOVSX32 && w == Width.W32) w = Width.W64;
        boolean reg = op.isMovsx() || rnd.nextInt(3) > 0;
        if (reg) return alu(w, op, dst, Operand.reg(srcReg));
        int imm = switch (op) {
            case LSH, RSH, ARSH -> rnd.nextInt(w.bits());
            case DIV, SDIV, MOD, SMOD -> {
                int v = rnd.nextBoolean() ? (int) SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextInt();
                yield v == 0 ? -1 : v;
            }
            default -> rnd.nextBoolean() ? (int) SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextInt();
        };
        return alu(w, op, dst, Operand.imm(imm));
    }

    private Insn special() {
        return Insn.LoadImm64.of(scalar(), SPECIAL[rnd.nextInt(SPECIAL.length)]);
    }

    /** A division or modulo whose divisor is 0, -1 or has a zero low half (0 for the 32-bit forms). */
    private void divisionEdge() {
        int src = scalar(), dst = scalar();
        long[] divisors = {0, 0, -1, 0x1_0000_0000L, 0xffff_ffffL, 0xffff_ffff_0000_0000L};
        b.emit(Insn.LoadImm64.of(src, divisors[rnd.nextInt(divisors.length)]));
        if (rnd.nextBoolean()) b.emit(Insn.LoadImm64.of(dst, rnd.nextBoolean() ? Long.MIN_VALUE : 0x8000_0000L));
        AluOp op = pick(AluOp.DIV, AluOp.SDIV, AluOp.MOD, AluOp.SMOD);
        b.emit(alu(rnd.nextBoolean() ? Width.W64 : Width.W32, op, dst, Operand.reg(src)));
    }

    private void stackStore() {
        Size s = pick(Size.B, Size.H, Size.W, Size.DW);
        Operand src = rnd.nextInt(4) == 0 ? Operand.imm(small()) : Operand.reg(scalar());
        b.emit(new Insn.Store(s, 10, stackOff(s), src));
    }

    private void stackLoad() {
        Size s = pick(Size.B, Size.H, Size.W, Size.DW);
        b.emit(new Insn.Load(s, s != Size.DW && rnd.nextBoolean(), scalar(), 10, stackOff(s)));
    }

    private void stackAtomic() {
        Size s = rnd.nextBoolean() ? Size.W : Size.DW;
        AtomicOp[] ops = {AtomicOp.ADD, AtomicOp.OR, AtomicOp.AND, AtomicOp.XOR, AtomicOp.FETCH_ADD, AtomicOp.FETCH_OR,
                AtomicOp.FETCH_AND, AtomicOp.FETCH_XOR, AtomicOp.XCHG, AtomicOp.CMPXCHG};
        b.emit(new Insn.Atomic(s, ops[rnd.nextInt(ops.length)], 10, scalar(), stackOff(s)));
    }

    /** An aligned offset in fp-64..fp-1, leaving fp-24..fp-17 (saved r0) alone. */
    private short stackOff(Size s) {
        while (true) {
            int off = -(s.bytes() * (1 + rnd.nextInt(64 / s.bytes())));
            if (off < -24 || off >= -16) return (short) off;
        }
    }

    private void branch() {
        int label = b.newLabel();
        Width w = rnd.nextBoolean() ? Width.W64 : Width.W32;
        JmpOp op = JmpOp.values()[rnd.nextInt(JmpOp.values().length)];
        Operand src = rnd.nextBoolean() ? Operand.reg(scalar()) : Operand.imm(rnd.nextBoolean() ? (int) SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextInt(256));
        b.jump(w, op, scalar(), src, label);
        pending.add(new int[] {label, 1 + rnd.nextInt(4)});
        jumps++;
    }

    /** Key from a scalar (masked so some keys hit), looked up; on a hit 1-3 value loads, stores or atomics. */
    private void lookup(int fd) {
        key(-4);
        int miss = b.newLabel();
        b.emit(Insn.LoadImm64.pseudo(1, PseudoSource.MAP_FD, fd, 0));
        b.emit(alu(Width.W64, AluOp.MOV, 2, Operand.reg(10)));
        b.emit(alu(Width.W64, AluOp.ADD, 2, Operand.imm(-4)));
        b.emit(Insn.Call.helper(LOOKUP));
        b.jump(Width.W64, JmpOp.JEQ, 0, Operand.imm(0), miss);
        b.emit(alu(Width.W64, AluOp.MOV, 1, Operand.reg(0)));
        b.emit(alu(Width.W64, AluOp.MOV, 0, Operand.reg(KEEP[rnd.nextInt(3)])));
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            Size s = pick(Size.B, Size.H, Size.W, Size.DW);
            short off = (short) (rnd.nextInt(8 / s.bytes()) * s.bytes());
            int reg = pickInt(0, 7, 8, 9);
            switch (rnd.nextInt(3)) {
                case 0 -> b.emit(new Insn.Load(s, s != Size.DW && rnd.nextBoolean(), reg, 1, off));
                case 1 -> b.emit(new Insn.Store(s, 1, off, Operand.reg(reg)));
                default -> {
                    Size as = rnd.nextBoolean() ? Size.W : Size.DW;
                    AtomicOp op = AtomicOp.values()[rnd.nextInt(10)];
                    b.emit(new Insn.Atomic(as, op, 1, pickInt(7, 8, 9), (short) (rnd.nextInt(8 / as.bytes()) * as.bytes())));
                }
            }
        }
        b.place(miss);
        b.emit(alu(Width.W64, AluOp.MOV, 0, Operand.reg(KEEP[rnd.nextInt(3)])));
        reinit(1, 5);
    }

    private void update() {
        int fd = rnd.nextBoolean() ? arrayFd : hashFd;
        key(-4);
        b.emit(new Insn.Store(Size.DW, 10, (short) -16, Operand.reg(scalar())));
        int[] flags = {0, 0, 0, 1, 2, 3, 4, 5};
        mapCall(UPDATE, fd, -4, -16, flags[rnd.nextInt(flags.length)]);
        b.emit(alu(Width.W64, pick(AluOp.ADD, AluOp.XOR, AluOp.MOV), KEEP[rnd.nextInt(3)], Operand.reg(0)));
        reinit(0, 5);
    }

    private void delete() {
        int fd = rnd.nextInt(4) == 0 ? arrayFd : hashFd;
        key(-4);
        b.emit(Insn.LoadImm64.pseudo(1, PseudoSource.MAP_FD, fd, 0));
        b.emit(alu(Width.W64, AluOp.MOV, 2, Operand.reg(10)));
        b.emit(alu(Width.W64, AluOp.ADD, 2, Operand.imm(-4)));
        b.emit(Insn.Call.helper(DELETE));
        b.emit(alu(Width.W64, pick(AluOp.ADD, AluOp.XOR), KEEP[rnd.nextInt(3)], Operand.reg(0)));
        reinit(0, 5);
    }

    private void mapCall(int helper, int fd, int keyOff, int valueOff, int flags) {
        b.emit(Insn.LoadImm64.pseudo(1, PseudoSource.MAP_FD, fd, 0));
        b.emit(alu(Width.W64, AluOp.MOV, 2, Operand.reg(10)));
        b.emit(alu(Width.W64, AluOp.ADD, 2, Operand.imm(keyOff)));
        b.emit(alu(Width.W64, AluOp.MOV, 3, Operand.reg(10)));
        b.emit(alu(Width.W64, AluOp.ADD, 3, Operand.imm(valueOff)));
        b.emit(alu(Width.W64, AluOp.MOV, 4, Operand.imm(flags)));
        b.emit(Insn.Call.helper(helper));
    }

    /** A u32 key at fp+off from a scalar, masked to 0..15 most of the time. */
    private void key(int off) {
        b.emit(alu(Width.W64, AluOp.MOV, 1, Operand.reg(scalar())));
        if (rnd.nextInt(8) != 0) b.emit(alu(Width.W64, AluOp.AND, 1, Operand.imm(15)));
        b.emit(new Insn.Store(Size.W, 10, (short) off, Operand.reg(1)));
    }

    private void legacyLoad() {
        Size s = pick(Size.B, Size.H, Size.W);
        if (rnd.nextBoolean()) {
            b.emit(new Insn.LegacyLoad(false, s, 0, rnd.nextInt(PACKET)));
        } else {
            int src = pickInt(7, 8, 9);
            b.emit(alu(Width.W64, AluOp.AND, src, Operand.imm(63)));
            b.emit(new Insn.LegacyLoad(true, s, src, rnd.nextInt(8)));
        }
        reinit(1, 5);
    }

    private void callSub(int sub) {
        b.call(sub);
        b.emit(alu(Width.W64, pick(AluOp.ADD, AluOp.XOR), KEEP[rnd.nextInt(3)], Operand.reg(0)));
        reinit(1, 5);
    }

    /** Gives r{from}..r{to} scalar values again after a call clobbered them. */
    private void reinit(int from, int to) {
        for (int r = from; r <= to; r++) {
            if (rnd.nextBoolean()) b.emit(alu(Width.W64, AluOp.MOV, r, Operand.reg(KEEP[rnd.nextInt(3)])));
            else b.emit(alu(rnd.nextBoolean() ? Width.W64 : Width.W32, AluOp.MOV, r, Operand.imm(rnd.nextInt())));
        }
    }

    // ---- small choices

    private static Insn.Alu alu(Width w, AluOp op, int dst, Operand src) {
        return new Insn.Alu(w, op, dst, src);
    }

    private int scalar() {
        return SCALARS[rnd.nextInt(SCALARS.length)];
    }

    private int small() {
        return rnd.nextBoolean() ? rnd.nextInt(256) - 128 : rnd.nextInt();
    }

    @SafeVarargs
    private <T> T pick(T... xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    private int pickInt(int... xs) {
        return xs[rnd.nextInt(xs.length)];
    }
}
