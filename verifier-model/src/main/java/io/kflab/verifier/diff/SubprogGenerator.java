package io.kflab.verifier.diff;

import io.kflab.bpf.isa.RawInsn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bpf-to-bpf calls of generated programs: in about a third of the programs, calls (with arguments, often a
 * pointer to the caller's stack) between the main program's snippets, to one or two subprograms appended after the
 * main program's exit. Bodies read arguments and the caller's stack, write their own stack (sometimes deep enough to
 * exceed the combined 512 bytes), store into the caller's stack, call a helper or the other subprogram (rarely
 * themselves), and return a constant, nothing, a stack pointer or a map lookup's result.
 */
final class SubprogGenerator {
    private final Random rnd;
    private final List<RawInsn> out;
    private final int hashFd;
    private final boolean enabled;
    /** Index of each call instruction to patch, and the subprogram (0 or 1) it calls. */
    private final List<int[]> calls = new ArrayList<>();
    private int callsLeft;

    SubprogGenerator(Random rnd, List<RawInsn> out, int hashFd) {
        this.rnd = rnd;
        this.out = out;
        this.hashFd = hashFd;
        this.enabled = rnd.nextInt(3) == 0;
        this.callsLeft = enabled ? 1 + rnd.nextInt(2) : 0;
    }

    private void e(int code, int dst, int src, int off, int imm) {
        out.add(new RawInsn(code, dst, src, (short) off, imm));
    }

    /** Maybe emits argument set-up and a call here (between two snippets of the main program). */
    void maybeCall() {
        if (callsLeft == 0 || rnd.nextInt(3) != 0) return;
        callsLeft--;
        switch (rnd.nextInt(10)) {
            case 0, 1, 2, 3, 4, 5 -> { e(0xbf, 2, 10, 0, 0); e(0x07, 2, 0, 0, -8 * (1 + rnd.nextInt(2))); } // r2 = fp-8/-16
            case 6, 7 -> e(0xb7, 2, 0, 0, rnd.nextInt(5));                                                    // r2 = k
            default -> { }
        }
        if (rnd.nextInt(5) != 0) e(0xb7, 1, 0, 0, rnd.nextInt(8));
        if (rnd.nextInt(3) == 0) e(0x7a, 10, 0, -8, rnd.nextInt(4));                            // *(u64 *)(r10 -8) = k
        calls.add(new int[] {out.size(), rnd.nextInt(4) == 0 ? 1 : 0});
        e(0x85, 0, 1, 0, 0);
        switch (rnd.nextInt(6)) {                                                               // use the results
            case 0 -> e(0x0f, 0, 6, 0, 0);                                                      // r0 += r6
            case 1 -> e(0xbf, 7, 0, 0, 0);                                                      // r7 = r0
            case 2 -> e(0x79, 8, 10, -8, 0);                                                    // r8 = *(u64 *)(r10 -8)
            case 3 -> e(0xbf, 8, rnd.nextInt(3) == 0 ? 1 : 6, 0, 0);                            // r8 = r1 (scratched) or r6
            case 4 -> { e(0x15, 0, 0, 1, 0); e(0x61, 9, 0, 0, 0); }                            // if r0 == 0 goto +1; r9 = *(u32 *)(r0 +0)
            default -> { }
        }
    }

    /** Appends the subprograms after the main program and points the calls at them. */
    void appendBodies() {
        if (calls.isEmpty()) return;
        int[] start = {-1, -1};
        // a body only for a called subprogram (otherwise its instructions would be unreachable code of the previous one)
        for (int k = 0; k < calls.size(); k++) {
            int s = calls.get(k)[1];
            if (start[s] >= 0) continue;
            start[s] = out.size();
            body(s, calls);
        }
        for (int[] c : calls) {
            RawInsn r = out.get(c[0]);
            out.set(c[0], new RawInsn(r.code(), r.dst(), r.src(), r.off(), start[c[1]] - c[0] - 1));
        }
    }

    /** Weights of the body cases below: the unsafe ones (2, 5, 10) rarely, reads, writes and constants often. */
    private static final int[] BODY_CASES = {0, 0, 1, 1, 2, 3, 3, 3, 4, 5, 6, 7, 7, 8, 8, 9, 9, 10, 11, 11, 11};

    private void body(int self, List<int[]> inner) {
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            switch (BODY_CASES[rnd.nextInt(BODY_CASES.length)]) {
                case 0 -> e(0x79, 0, 2, 0, 0);                                                  // r0 = *(u64 *)(r2 +0)
                case 1 -> e(0x7b, 2, 1, 0, 0);                                                  // *(u64 *)(r2 +0) = r1
                case 2 -> e(0x7b, 2, 10, 0, 0);                                                 // *(u64 *)(r2 +0) = r10
                case 3 -> e(0x7b, 10, 1, -8 * (1 + rnd.nextInt(2)), 0);                         // own stack
                case 4 -> e(0x7a, 10, 0, rnd.nextBoolean() ? -512 : -480, 1);                   // deep own stack
                case 5 -> { e(0xbf, 0, 10, 0, 0); e(0x07, 0, 0, 0, -8); }                       // r0 = fp-8
                case 6 -> e(0x85, 0, 0, 0, 7);                                                  // bpf_get_prandom_u32
                case 7 -> { e(0x25, 1, 0, 1, 3); e(0xb7, 0, 0, 0, 1); }                         // if r1 > 3 goto +1; r0 = 1
                case 8 -> {                                                                     // another subprogram
                    int to = rnd.nextInt(5) == 0 ? self : 1 - self;
                    if (to == self && rnd.nextBoolean()) to = 1 - self;
                    inner.add(new int[] {out.size(), to});
                    e(0x85, 0, 1, 0, 0);
                }
                case 9 -> {                                                                     // hash lookup, key at fp-8
                    e(0x7a, 10, 0, -8, 0);
                    e(0xbf, 2, 10, 0, 0);
                    e(0x07, 2, 0, 0, -8);
                    e(0x18, 1, 1, 0, hashFd);
                    e(0, 0, 0, 0, 0);
                    e(0x85, 0, 0, 0, 1);
                }
                case 10 -> e(0xbf, 0, 6, 0, 0);                                                 // r0 = r6 (never set here)
                default -> e(0xb7, 0, 0, 0, rnd.nextInt(3));
            }
        }
        if (rnd.nextInt(12) != 0) e(0xb7, 0, 0, 0, rnd.nextInt(2));
        e(0x95, 0, 0, 0, 0);
    }
}
