package io.kflab.verifier.cfg;

import static io.kflab.bpf.isa.Opcodes.*;

import io.kflab.bpf.isa.RawInsn;
import java.util.List;

/** The depth-first walk of the control-flow graph (kernel: check_cfg, visit_insn, push_insn). */
final class Cfg {
    private static final int DISCOVERED = 0x10, EXPLORED = 0x20, FALLTHROUGH = 1, BRANCH = 2;
    private static final int DONE = 0, KEEP = 1, ERROR = -1;

    private final List<RawInsn> slots;
    private final boolean capable;
    private final int[] state;
    private final int[] stack;
    private int sp;
    private Rejection error;

    private Cfg(List<RawInsn> slots, boolean capable) {
        this.slots = slots;
        this.capable = capable;
        this.state = new int[slots.size()];
        this.stack = new int[slots.size()];
    }

    /** Null when the graph is acceptable, else the kernel's rejection. */
    static Rejection walk(List<RawInsn> slots, boolean capable) {
        return new Cfg(slots, capable).run();
    }

    private Rejection run() {
        state[0] = DISCOVERED;
        stack[0] = 0;
        sp = 1;
        while (sp > 0) {
            int t = stack[sp - 1];
            int ret = visit(t);
            if (ret == DONE) {
                state[t] = EXPLORED;
                sp--;
            } else if (ret == ERROR) {
                return error;
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            if (state[i] != EXPLORED) return new Rejection("EINVAL", "unreachable insn " + i);
            if (isLdImm64(slots.get(i))) {
                if (state[i + 1] != 0) return new Rejection("EINVAL", "jump into the middle of ldimm64 insn " + i);
                i++;
            }
        }
        return null;
    }

    private int visit(int t) {
        RawInsn in = slots.get(t);
        int code = in.code();
        if (code == (BPF_LD | BPF_IMM | BPF_DW) && in.src() == 4) return visitCall(t, true, t + in.imm() + 1L);
        int cls = cls(code);
        if (cls != BPF_JMP && cls != BPF_JMP32) return push(t, t + (isLdImm64(in) ? 2 : 1), FALLTHROUGH);
        switch (op(code)) {
            case BPF_EXIT:
                return DONE;
            case BPF_CALL:
                return visitCall(t, in.src() == BPF_PSEUDO_CALL, t + in.imm() + 1L);
            case BPF_JA: {
                if (src(code) != BPF_K) return fail(new Rejection("EINVAL", ""));
                long off = cls == BPF_JMP ? in.off() : in.imm();
                return push(t, t + off + 1, FALLTHROUGH);
            }
            default: {
                int ret = push(t, t + 1, FALLTHROUGH);
                if (ret != DONE) return ret;
                return push(t, t + in.off() + 1L, BRANCH);
            }
        }
    }

    private int visitCall(int t, boolean callee, long target) {
        int size = isLdImm64(slots.get(t)) ? 2 : 1;
        int ret = push(t, t + size, FALLTHROUGH);
        if (ret != DONE || !callee) return ret;
        return push(t, target, BRANCH);
    }

    private int push(int t, long w, int e) {
        if (e == FALLTHROUGH && state[t] >= (DISCOVERED | FALLTHROUGH)) return DONE;
        if (e == BRANCH && state[t] >= (DISCOVERED | BRANCH)) return DONE;
        if (w < 0 || w >= slots.size()) return fail(new Rejection("EINVAL", "jump out of range from insn " + t + " to " + w));
        int wi = (int) w;
        if (state[wi] == 0) {
            state[t] = DISCOVERED | e;
            state[wi] = DISCOVERED;
            stack[sp++] = wi;
            return KEEP;
        }
        if ((state[wi] & 0xF0) == DISCOVERED) {
            if (capable) return DONE;
            return fail(new Rejection("EINVAL", "back-edge from insn " + t + " to " + wi));
        }
        state[t] = DISCOVERED | e; // forward or cross edge to an explored insn
        return DONE;
    }

    private int fail(Rejection r) {
        error = r;
        return ERROR;
    }

    private static boolean isLdImm64(RawInsn in) {
        return in.code() == (BPF_LD | BPF_IMM | BPF_DW);
    }
}
