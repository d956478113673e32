package io.kflab.verifier.diff;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.btf.BtfMember;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.ProgType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random programs around kfunc calls for differential testing: bpf_get_current_task_btf, bpf_task_acquire /
 * bpf_task_release / bpf_task_from_pid (KF_ACQUIRE, KF_RELEASE, KF_RET_NULL, KF_RCU), bpf_rcu_read_lock/unlock,
 * task_struct field reads (scalars, the RCU-safe real_parent, out-of-member reads), NULL checks present or missing,
 * pointer moves; over program types the sandbox kernel loads (tracepoint, raw_tracepoint, tc, xdp, sleepable syscall).
 */
public final class KfuncProgramGenerator {
    /** The program types drawn from, and whether each is loaded sleepable. */
    public static final List<ProgType> TYPES = List.of(ProgType.TRACEPOINT, ProgType.TRACEPOINT, ProgType.SCHED_CLS,
            ProgType.RAW_TRACEPOINT, ProgType.XDP, ProgType.SYSCALL);

    private final Random rnd;
    private final Ids ids;
    private final List<RawInsn> out = new ArrayList<>();

    /** The BTF facts a program needs: kfunc ids and task_struct field offsets. */
    public record Ids(int acquire, int release, int fromPid, int rcuLock, int rcuUnlock, int pidOff, int realParentOff, int flagsOff) {
        public static Ids of(Btf btf) {
            int task = btf.findByName("task_struct", BtfKind.STRUCT).orElseThrow();
            return new Ids(func(btf, "bpf_task_acquire"), func(btf, "bpf_task_release"), func(btf, "bpf_task_from_pid"),
                    func(btf, "bpf_rcu_read_lock"), func(btf, "bpf_rcu_read_unlock"), member(btf, task, "pid"),
                    member(btf, task, "real_parent"), member(btf, task, "flags"));
        }

        private static int func(Btf btf, String name) {
            return btf.findByName(name, BtfKind.FUNC).orElseThrow();
        }

        private static int member(Btf btf, int struct, String name) {
            for (BtfMember m : btf.members(struct)) if (m.name().equals(name)) return m.byteOffset();
            throw new IllegalStateException("task_struct has no " + name);
        }
    }

    public KfuncProgramGenerator(Random rnd, Ids ids) {
        this.rnd = rnd;
        this.ids = ids;
    }

    private void e(int code, int dst, int src, int off, int imm) {
        out.add(new RawInsn(code, dst, src, (short) off, imm));
    }

    private void kfunc(int id) {
        e(0x85, 0, 2, 0, id);
    }

    public List<RawInsn> program() {
        e(0xbf, 6, 1, 0, 0);                                                  // r6 = ctx
        if (rnd.nextInt(4) != 0) e(0xb7, 9, 0, 0, 0);                         // r9 = 0 (mostly initialised)
        if (rnd.nextInt(3) == 0) {                                            // a well-formed acquire/check/release
            e(0x85, 0, 0, 0, 158);
            e(0xbf, 1, 0, 0, 0);
            kfunc(ids.acquire());
            e(0x15, 0, 0, 3, 0);
            e(0x61, 7, 0, ids.pidOff(), 0);
            e(0xbf, 1, 0, 0, 0);
            kfunc(ids.release());
        }
        if (rnd.nextInt(6) != 0) { e(0x85, 0, 0, 0, 158); e(0xbf, 8, 0, 0, 0); } // r8 = bpf_get_current_task_btf()
        int n = 2 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) snippet();
        if (rnd.nextInt(12) != 0) e(0xb7, 0, 0, 0, 0);
        e(0x95, 0, 0, 0, 0);
        return out;
    }

    private void snippet() {
        int r = rnd.nextInt(8) == 0 ? 9 : 8;                                 // the task register used
        switch (rnd.nextInt(12)) {
            case 0, 1 -> { e(0xbf, 1, r, 0, 0); kfunc(ids.acquire()); e(0xbf, 9, 0, 0, 0); }
            case 2 -> { e(0xb7, 1, 0, 0, rnd.nextInt(3)); kfunc(ids.fromPid()); e(0xbf, 9, 0, 0, 0); }
            case 3, 4 -> {                                                    // release after a NULL check
                e(0x15, 9, 0, 2, 0);
                e(0xbf, 1, 9, 0, 0);
                kfunc(ids.release());
            }
            case 5 -> { e(0xbf, 1, rnd.nextBoolean() ? 9 : 8, 0, 0); kfunc(ids.release()); } // release, maybe unchecked
            case 6 -> {                                                       // field reads
                int[] offs = {ids.pidOff(), ids.pidOff(), ids.flagsOff(), 0, 8, 16, ids.pidOff() + 2, -8};
                int[] sizes = {0x61, 0x79, 0x69, 0x71};
                e(sizes[rnd.nextInt(sizes.length)], 7, r, offs[rnd.nextInt(offs.length)], 0);
            }
            case 7 -> e(0x79, rnd.nextBoolean() ? 8 : 9, r, ids.realParentOff(), 0); // task = task->real_parent
            case 8 -> kfunc(rnd.nextInt(3) == 0 ? ids.rcuUnlock() : ids.rcuLock());
            case 9 -> e(0x07, r, 0, 0, rnd.nextBoolean() ? 8 : 0);            // r += k
            case 10 -> {                                                      // if r9 != 0 goto +2; r0 = 0; exit
                e(0x55, 9, 0, 2, 0);
                e(0xb7, 0, 0, 0, 0);
                e(0x95, 0, 0, 0, 0);
            }
            default -> {                                                      // checked read through r9
                e(0x15, 9, 0, 1, 0);
                e(0x61, 7, 9, ids.pidOff(), 0);
            }
        }
    }
}
