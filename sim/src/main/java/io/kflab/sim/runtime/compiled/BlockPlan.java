package io.kflab.sim.runtime.compiled;

import io.kflab.bpf.isa.CallKind;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.PseudoSource;
import io.kflab.sim.runtime.helpers.HelperTable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How a program's slots are cut for compilation (kernel: the JIT's view of a program as basic blocks):
 * block leaders (entry, jump targets, return addresses, callback entries, the slot after every
 * control transfer or helper call) and the chunks of consecutive blocks that become one JVM method
 * each, small enough for HotSpot to JIT (its HugeMethodLimit is 8,000 bytes of bytecode).
 */
record BlockPlan(Insn[] slots, BitSet leaders, List<Chunk> chunks) {
    /** Estimated bytecode budget of one chunk method. */
    static final int CHUNK_BUDGET = 6_000;
    /** Longest straight-line block (longer ones are cut, so one block always fits a chunk). */
    static final int MAX_BLOCK = 24;

    private static final int TAIL_CALL = HelperTable.id("tail_call");

    /** Blocks {@code [from, to)} in slots, compiled into method {@code index}. */
    record Chunk(int index, int from, int to) {
        boolean contains(int pc) {
            return pc >= from && pc < to;
        }
    }

    static BlockPlan of(Insn[] slots) {
        BitSet leaders = new BitSet(slots.length);
        leaders.set(0);
        for (int pc = 0; pc < slots.length; pc++) {
            Insn in = slots[pc];
            if (in == null) continue;
            int next = pc + in.slots();
            switch (in) {
                case Insn.Jump j -> {
                    target(leaders, slots, pc + 1 + j.off());
                    target(leaders, slots, next);
                }
                case Insn.Ja j -> {
                    target(leaders, slots, pc + 1 + j.off());
                    target(leaders, slots, next);
                }
                case Insn.Gotol g -> {
                    target(leaders, slots, pc + 1 + g.imm());
                    target(leaders, slots, next);
                }
                case Insn.MayGoto m -> {
                    target(leaders, slots, pc + 1 + m.off());
                    target(leaders, slots, next);
                }
                case Insn.Call c -> {
                    if (c.kind() == CallKind.SUBPROG) target(leaders, slots, pc + 1 + c.imm());
                    target(leaders, slots, next);
                }
                case Insn.LoadImm64 l when l.source() == PseudoSource.FUNC -> target(leaders, slots, pc + 1 + l.lo());
                case Insn.Exit x -> target(leaders, slots, next);
                case Insn.LegacyLoad l -> target(leaders, slots, next);
                default -> {}
            }
        }
        // cut long straight lines
        int run = 0;
        for (int pc = 0; pc < slots.length; pc++) {
            if (slots[pc] == null) continue;
            if (leaders.get(pc) || run == MAX_BLOCK) {
                leaders.set(pc);
                run = 0;
            }
            run++;
        }
        List<Chunk> chunks = new ArrayList<>();
        int from = 0, size = 0;
        for (int pc = 0; pc < slots.length; ) {
            int end = leaders.nextSetBit(pc + 1);
            if (end < 0) end = slots.length;
            int block = 110;
            for (int i = pc; i < end; i++) if (slots[i] != null) block += estimate(slots[i]);
            if (size > 0 && size + block > CHUNK_BUDGET) {
                chunks.add(new Chunk(chunks.size(), from, pc));
                from = pc;
                size = 0;
            }
            size += block;
            pc = end;
        }
        chunks.add(new Chunk(chunks.size(), from, slots.length));
        return new BlockPlan(slots, leaders, chunks);
    }

    private static void target(BitSet leaders, Insn[] slots, int pc) {
        if (pc >= 0 && pc < slots.length && slots[pc] != null) leaders.set(pc);
    }

    /** Whether {@code in} is a helper or kfunc call that returns to the next slot (not a tail call). */
    static boolean plainCall(Insn in) {
        return in instanceof Insn.Call c && (c.kind() == CallKind.KFUNC || c.kind() == CallKind.HELPER && c.imm() != TAIL_CALL);
    }

    /** Upper bound of the bytecode one instruction compiles to, stubs included. */
    static int estimate(Insn in) {
        return switch (in) {
            case Insn.Alu a -> 20;
            case Insn.Neg n -> 12;
            case Insn.Endian e -> 16;
            case Insn.Load l -> 28;
            case Insn.Store s -> 28;
            case Insn.Jump j -> 20 + 2 * 80;
            case Insn.Ja j -> 90;
            case Insn.Gotol g -> 90;
            case Insn.LoadImm64 l when l.source() == PseudoSource.IMM -> 12;
            default -> 180;
        };
    }

    Chunk chunkOf(int pc) {
        for (Chunk c : chunks) if (c.contains(pc)) return c;
        throw new IllegalArgumentException("slot " + pc);
    }
}
