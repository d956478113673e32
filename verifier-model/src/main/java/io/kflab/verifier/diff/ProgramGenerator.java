package io.kflab.verifier.diff;

import io.kflab.bpf.isa.RawInsn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random plausible socket-filter programs for differential testing: register setup, stack spills/fills, ctx reads,
 * map lookups (a hash and an array map), branches; the kernel accepts about a third. With a second random source,
 * some programs also call subprograms ({@link SubprogGenerator}); that source alone decides where and what, so the
 * main instructions of every program stay those of the first source.
 */
public final class ProgramGenerator {
    private final Random rnd;
    private final int hashFd, arrayFd;
    private final List<RawInsn> out = new ArrayList<>();
    private final SubprogGenerator subprogs;

    public ProgramGenerator(Random rnd, int hashFd, int arrayFd) {
        this(rnd, null, hashFd, arrayFd);
    }

    /** @param calls decides the bpf-to-bpf calls (null: none) */
    public ProgramGenerator(Random rnd, Random calls, int hashFd, int arrayFd) {
        this.rnd = rnd;
        this.hashFd = hashFd;
        this.arrayFd = arrayFd;
        this.subprogs = calls == null ? null : new SubprogGenerator(calls, out, hashFd);
    }

    private void e(int code, int dst, int src, int off, int imm) {
        out.add(new RawInsn(code, dst, src, (short) off, imm));
    }

    private final boolean[] init = new boolean[11];

    /** Mostly an initialised register; sometimes any (uninitialised reads, writes to r10). */
    private int reg() {
        if (rnd.nextInt(25) == 0) return rnd.nextInt(11);
        for (int t = 0; t < 20; t++) {
            int r = rnd.nextInt(10);
            if (init[r]) return r;
        }
        return 6;
    }

    private int dst() {
        int r = rnd.nextInt(40) == 0 ? 10 : 6 + rnd.nextInt(4);
        if (r == 6) r = 7;
        init[r] = true;
        return r;
    }

    private static final int[] SIZES = {0x18, 0x08, 0x00, 0x10}; // DW, H, W, B size bits
    private static final int[] BYTES = {8, 2, 4, 1};

    public List<RawInsn> program() {
        e(0xbf, 6, 1, 0, 0); // r6 = r1
        init[6] = init[10] = true;
        e(0xb7, 7, 0, 0, rnd.nextInt(5));
        init[7] = true;
        if (rnd.nextBoolean()) { e(0x85, 0, 0, 0, 7); e(0xbf, 8, 0, 0, 0); init[8] = true; }
        int n = 2 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (subprogs != null) subprogs.maybeCall();
            snippet();
        }
        if (subprogs != null) subprogs.maybeCall();
        if (rnd.nextInt(10) != 0) e(0xb7, 0, 0, 0, rnd.nextInt(3));
        e(0x95, 0, 0, 0, 0);
        if (subprogs != null) subprogs.appendBodies();
        return out;
    }

    private void snippet() {
        switch (rnd.nextInt(13)) {
            case 11, 12 -> e(0xbf, dst(), reg(), 0, 0);
            case 0 -> e(0xb7, dst(), 0, 0, rnd.nextInt(20) - 5);                       // rX = k
            case 1 -> {                                                                // rX op= k / rY
                int[] ops = {0x00, 0x10, 0x20, 0x40, 0x50, 0x60, 0x70, 0xa0, 0xc0, 0x30, 0x90};
                int op = ops[rnd.nextInt(ops.length)];
                int cls = rnd.nextInt(4) == 0 ? 0x04 : 0x07;
                if (rnd.nextBoolean()) e(cls | op | 0x08, rnd.nextInt(8) == 0 ? reg() : 7 + rnd.nextInt(3), reg(), 0, 0);
                else e(cls | op, rnd.nextInt(8) == 0 ? reg() : 7 + rnd.nextInt(3), 0, 0, op == 0x60 || op == 0x70 || op == 0xc0 ? rnd.nextInt(40) : rnd.nextInt(16));
            }
            case 2, 3 -> {                                                             // stack store
                int s = rnd.nextInt(4);
                int off = -8 * (1 + rnd.nextInt(4)) + (rnd.nextInt(8) == 0 ? BYTES[s] * rnd.nextInt(3) : 0);
                if (rnd.nextInt(20) == 0) off = rnd.nextBoolean() ? 8 : -520;
                if (rnd.nextBoolean()) e(0x63 | SIZES[s], 10, reg(), off, 0);
                else e(0x62 | SIZES[s], 10, 0, off, rnd.nextInt(3));
            }
            case 4 -> {                                                                // stack load
                int s = rnd.nextInt(4);
                int off = -8 * (1 + rnd.nextInt(4)) + (rnd.nextInt(6) == 0 ? BYTES[s] * rnd.nextInt(3) : 0);
                e(0x61 | SIZES[s], dst(), rnd.nextInt(8) == 0 ? reg() : 10, off, 0);
            }
            case 5 -> {                                                                // ctx read / write
                int s = rnd.nextInt(3) == 0 ? rnd.nextInt(4) : 2;
                int[] offs = {0, 4, 8, 16, 32, 48, 52, 64, 68, 0, 4, 8, 48, 76, 80, 140, 168, 192, 2, 1};
                int off = offs[rnd.nextInt(offs.length)];
                if (rnd.nextInt(5) == 0) e(0x63 | SIZES[s], 6, reg(), off, 0);
                else e(0x61 | SIZES[s], dst(), 6, off, 0);
            }
            case 6, 7 -> lookup();
            case 8 -> {                                                                // bounded branch over one insn
                int[] jops = {0x10, 0x20, 0x30, 0x50, 0x60, 0x70, 0xa0, 0xb0, 0xc0, 0xd0, 0x40};
                int cls = rnd.nextInt(4) == 0 ? 0x06 : 0x05;
                e(cls | jops[rnd.nextInt(jops.length)], reg(), 0, 1, rnd.nextInt(10));
                e(0xb7, dst(), 0, 0, rnd.nextInt(4));
            }
            case 9 -> {                                                                // helper
                int[] ids = {5, 7, 8, 7, 8, 5, 7, 8, 9, 300};
                e(0x85, 0, 0, 0, ids[rnd.nextInt(ids.length)]);
                init[0] = true;
                for (int i = 1; i <= 5; i++) init[i] = false;
            }
            case 10 -> {                                                               // bounded loop
                int r = 8;
                e(0xb7, r, 0, 0, 0);
                e(0x07, r, 0, 0, 1);
                e(0xa5, r, 0, -2, 3 + rnd.nextInt(20));                                // if r8 < K goto -2
            }
            default -> e(0xbf, dst(), reg(), 0, 0);                                    // rX = rY
        }
    }

    private void lookup() {
        boolean array = rnd.nextBoolean();
        int key = rnd.nextInt(6);
        if (rnd.nextInt(4) != 0) e(0x62, 10, 0, -8, key);                             // *(u32 *)(r10 -8) = key
        e(0xbf, 2, 10, 0, 0);
        e(0x07, 2, 0, 0, rnd.nextInt(8) == 0 ? -2 : -8);
        e(0x18, 1, 1, 0, array ? arrayFd : hashFd);
        e(0, 0, 0, 0, 0);
        e(0x85, 0, 0, 0, rnd.nextInt(8) == 0 ? 3 : 1);
        init[0] = true;
        for (int i = 1; i <= 5; i++) init[i] = false;
        int[] offs = {0, 0, 0, 0, 4, 8, -8, 2};
        int off = offs[rnd.nextInt(offs.length)];
        int size = rnd.nextInt(4);
        switch (rnd.nextInt(6)) {
            case 0 -> e(0x61 | SIZES[size], 7, 0, off, 0);                                  // no NULL check
            case 1 -> {
                e(0x15, 0, 0, 1, 0);                                                        // if r0 == 0 goto +1
                e(0x61 | SIZES[size], 7, 0, off, 0);
            }
            case 2 -> {
                e(0x55, 0, 0, 2, 0);                                                        // if r0 != 0 goto +2
                e(0xb7, 0, 0, 0, 0);
                e(0x95, 0, 0, 0, 0);
                e(0x7a | (SIZES[size] == 0x18 ? 0 : 0), 0, 0, off, 1);                      // *(u64 *)(r0 + off) = 1
            }
            default -> {
                e(0x15, 0, 0, 1, 0);
                e(0xbf, 9, 0, 0, 0);
                init[9] = true;                                                        // r9 = r0 (non-null copy)
            }
        }
    }
}
