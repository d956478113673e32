package io.kflab.verifier.state;

import java.util.Arrays;
import java.util.List;

/** Registers r0–r10 and the 512-byte stack of one call frame (kernel: struct bpf_func_state); copied on write. */
public final class FrameState {
    /** Bytes of stack per frame (kernel: MAX_BPF_STACK). */
    public static final int STACK = 512;
    public final RegState[] regs;
    public final StackSlot[] stack;
    /** Acquired references not yet released (kernel: bpf_verifier_state.refs), oldest first; never mutated. */
    public List<RefState> refs = List.of();
    /** Inside bpf_rcu_read_lock() (kernel: active_rcu_lock). */
    public boolean rcuLock;

    public FrameState(RegState[] regs, StackSlot[] stack) {
        this.regs = regs;
        this.stack = stack;
    }

    /** The state at a program's first instruction: r1 = ctx, r10 = fp0, the rest uninitialised. */
    public static FrameState entry() {
        RegState[] r = new RegState[11];
        Arrays.fill(r, RegState.NOT_INIT);
        r[1] = new RegState.CtxPtr(0);
        r[10] = new RegState.StackPtr(0);
        StackSlot[] s = new StackSlot[STACK / 8];
        Arrays.fill(s, StackSlot.EMPTY);
        return new FrameState(r, s);
    }

    public FrameState copy() {
        FrameState f = new FrameState(regs.clone(), stack.clone());
        f.refs = refs;
        f.rcuLock = rcuLock;
        return f;
    }

    /** Whether references and lock state are the same (kernel: refsafe and the active_* checks of states_equal). */
    public boolean sameResources(FrameState o) {
        return refs.equals(o.refs) && rcuLock == o.rcuLock;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameState f && Arrays.equals(regs, f.regs) && Arrays.equals(stack, f.stack) && sameResources(f);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(regs) * 31 + Arrays.hashCode(stack) + refs.hashCode();
    }

    /** Registers and non-empty slots as the log prints a state: {@code R1=ctx() R10=fp0 fp-8=mmmmmmmm}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            if (regs[i] instanceof RegState.NotInit) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append('R').append(i).append('=').append(regs[i]);
        }
        for (int i = 0; i < stack.length; i++) {
            StackSlot s = stack[i];
            if (s.equals(StackSlot.EMPTY)) continue;
            sb.append(" fp").append(-(i + 1) * 8).append('=').append(s.isSpill() && s.spillSize() == 8 ? s.spilled().toString() : s.chars());
        }
        if (!refs.isEmpty()) {
            sb.append(" refs=");
            for (int i = 0; i < refs.size(); i++) sb.append(i == 0 ? "" : ",").append(refs.get(i).id());
        }
        return sb.toString();
    }
}
