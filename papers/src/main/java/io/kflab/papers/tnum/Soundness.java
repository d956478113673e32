package io.kflab.papers.tnum;

import io.kflab.verifier.tnum.Tnum;
import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive soundness at width n: for every n-bit operand tnum (pair), every member (pair) and, for
 * shifts, every amount below n, the n-bit concrete result is a member of the n-bit abstract result.
 */
public final class Soundness {
    private Soundness() {}

    public static SoundnessResult check(BinaryOp op, Width w) {
        Tnum[] all = w.tnums();
        long[][] members = membersOf(all);
        long[] c = Rows.sum(all.length, 3, i -> {
            long[] row = new long[3];
            Tnum a = all[i];
            for (int j = 0; j < all.length; j++) {
                Tnum r = op.abstractAt(w, a, all[j]);
                row[0]++;
                for (long x : members[i]) {
                    for (long y : members[j]) {
                        row[1]++;
                        if (!r.contains(op.concreteAt(w, x, y))) row[2]++;
                    }
                }
            }
            return row;
        });
        return new SoundnessResult(op.label(), w.bits(), c[0], c[1], c[2], c[2] == 0 ? "" : firstViolation(op, w, all, members));
    }

    public static SoundnessResult check(ShiftOp op, Width w) {
        Tnum[] all = w.tnums();
        long[] c = Rows.sum(all.length, 3, i -> {
            long[] row = new long[3];
            long[] members = Width.members(all[i]);
            for (int k = 0; k < w.bits(); k++) {
                Tnum r = op.abstractAt(w, all[i], k);
                row[0]++;
                for (long x : members) {
                    row[1]++;
                    if (!r.contains(op.concreteAt(w, x, k))) row[2]++;
                }
            }
            return row;
        });
        String first = "";
        if (c[2] != 0) {
            search:
            for (Tnum a : all) {
                for (int k = 0; k < w.bits(); k++) {
                    for (long x : Width.members(a)) {
                        long z = op.concreteAt(w, x, k);
                        Tnum r = op.abstractAt(w, a, k);
                        if (!r.contains(z)) {
                            first = a + " " + op.label() + " " + k + " = " + r + " misses " + x + " -> " + z;
                            break search;
                        }
                    }
                }
            }
        }
        return new SoundnessResult(op.label(), w.bits(), c[0], c[1], c[2], first);
    }

    /** Every binary operation (the three multiplications included) and every shift. */
    public static List<SoundnessResult> all(Width w) {
        List<SoundnessResult> out = new ArrayList<>();
        for (BinaryOp op : BinaryOp.values()) out.add(check(op, w));
        for (ShiftOp op : ShiftOp.values()) out.add(check(op, w));
        return out;
    }

    private static long[][] membersOf(Tnum[] all) {
        long[][] m = new long[all.length][];
        for (int i = 0; i < all.length; i++) m[i] = Width.members(all[i]);
        return m;
    }

    private static String firstViolation(BinaryOp op, Width w, Tnum[] all, long[][] members) {
        for (int i = 0; i < all.length; i++) {
            for (int j = 0; j < all.length; j++) {
                Tnum r = op.abstractAt(w, all[i], all[j]);
                for (long x : members[i]) {
                    for (long y : members[j]) {
                        long z = op.concreteAt(w, x, y);
                        if (!r.contains(z)) return all[i] + " " + op.label() + " " + all[j] + " = " + r + " misses " + x + ", " + y + " -> " + z;
                    }
                }
            }
        }
        return "";
    }
}
