package io.kflab.verifier.state;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Registers r0–r10 and the 512-byte stack of one call frame (kernel: struct bpf_func_state); copied on write.
 * A callee's frame links to its caller's ({@code caller}, kernel: {@code state->frame[frameno - 1]}), so the
 * innermost frame stands for the whole call chain (kernel: struct bpf_verifier_state); frames reachable through
 * {@code caller} are never written in place.
 */
public final class FrameState {
    /** Bytes of stack per frame (kernel: MAX_BPF_STACK). */
    public static final int STACK = 512;
    public final RegState[] regs;
    public final StackSlot[] stack;
    /** Depth in the call chain, 0 for the main program (kernel: frameno). */
    public final int frameno;
    /** Index of the subprogram this frame runs (kernel: subprogno). */
    public final int subprog;
    /** The call instruction that created this frame, -1 for frame 0 (kernel: callsite). */
    public final int callsite;
    /** The caller's frame, null for frame 0. */
    public final FrameState caller;
    /**
     * Acquired references not yet released (kernel: bpf_verifier_state.refs), oldest first; never mutated.
     * They belong to the whole state: the innermost frame's list is the state's, a callee frame starts with
     * its caller's and hands its own back on return.
     */
    public List<RefState> refs = List.of();
    /** Inside bpf_rcu_read_lock() (kernel: active_rcu_lock); like {@link #refs}, the innermost frame's value counts. */
    public boolean rcuLock;

    public FrameState(RegState[] regs, StackSlot[] stack) {
        this(regs, stack, 0, 0, -1, null);
    }

    public FrameState(RegState[] regs, StackSlot[] stack, int frameno, int subprog, int callsite, FrameState caller) {
        this.regs = regs;
        this.stack = stack;
        this.frameno = frameno;
        this.subprog = subprog;
        this.callsite = callsite;
        this.caller = caller;
    }

    /** The state at a program's first instruction: r1 = ctx, r10 = fp0, the rest uninitialised. */
    public static FrameState entry() {
        FrameState f = empty(0, 0, -1, null);
        f.regs[1] = new RegState.CtxPtr(0);
        return f;
    }

    /** A new frame with only r10 set and an empty stack (kernel: init_func_state). */
    public static FrameState empty(int frameno, int subprog, int callsite, FrameState caller) {
        RegState[] r = new RegState[11];
        Arrays.fill(r, RegState.NOT_INIT);
        r[10] = new RegState.StackPtr(frameno, 0);
        StackSlot[] s = new StackSlot[STACK / 8];
        Arrays.fill(s, StackSlot.EMPTY);
        return new FrameState(r, s, frameno, subprog, callsite, caller);
    }

    public FrameState copy() {
        return withResources(new FrameState(regs.clone(), stack.clone(), frameno, subprog, callsite, caller), this);
    }

    /** A copy of this frame with another caller chain. */
    public FrameState withCaller(FrameState newCaller) {
        return withResources(new FrameState(regs.clone(), stack.clone(), frameno, subprog, callsite, newCaller), this);
    }

    /** {@code to} with the references and lock state of {@code from}; returns {@code to}. */
    public static FrameState withResources(FrameState to, FrameState from) {
        to.refs = from.refs;
        to.rcuLock = from.rcuLock;
        return to;
    }

    /** Whether references and lock state are the same (kernel: refsafe and the active_* checks of states_equal). */
    public boolean sameResources(FrameState o) {
        return refs.equals(o.refs) && rcuLock == o.rcuLock;
    }

    /** The frame {@code n} of this chain (kernel: {@code state->frame[n]}); {@code n <= frameno}. */
    public FrameState frame(int n) {
        FrameState f = this;
        while (f.frameno != n) f = f.caller;
        return f;
    }

    /** This chain with frame {@code f.frameno} replaced by {@code f} (the frames above it are copied). */
    public FrameState replace(FrameState f) {
        if (f.frameno == frameno) return f;
        return withCaller(caller.replace(f));
    }

    /**
     * This chain with {@code f} applied to every register and spilled register of every frame (kernel:
     * bpf_for_each_reg_in_vstate); frames where nothing changes are shared.
     */
    public FrameState mapAll(java.util.function.UnaryOperator<RegState> f) {
        FrameState up = caller == null ? null : caller.mapAll(f);
        RegState[] r = regs;
        StackSlot[] st = stack;
        for (int i = 0; i < r.length; i++) {
            RegState m = f.apply(r[i]);
            if (m == r[i]) continue;
            if (r == regs) r = regs.clone();
            r[i] = m;
        }
        for (int i = 0; i < st.length; i++) {
            StackSlot sl = st[i];
            if (!sl.isSpill()) continue;
            RegState m = f.apply(sl.spilled());
            if (m == sl.spilled()) continue;
            if (st == stack) st = stack.clone();
            st[i] = new StackSlot(sl.types(), m);
        }
        if (r == regs && st == stack && up == caller) return this;
        return withResources(new FrameState(r == regs ? regs.clone() : r, st == stack ? stack.clone() : st, frameno, subprog, callsite, up), this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameState f && frameno == f.frameno && callsite == f.callsite && subprog == f.subprog
                && Arrays.equals(regs, f.regs) && Arrays.equals(stack, f.stack) && sameResources(f) && Objects.equals(caller, f.caller);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(regs) * 31 + Arrays.hashCode(stack)) * 31 + frameno;
    }

    /**
     * This frame as print_verifier_state prints it (without the newline): {@code " frame1:"} for callee frames,
     * then {@code " R1=ctx() R10=fp0 fp-8=mmmmmmmm"}; a stack pointer into another frame prints {@code fp[0]-8}.
     */
    public String kernelText() {
        StringBuilder sb = new StringBuilder();
        if (frameno > 0) sb.append(" frame").append(frameno).append(':');
        for (int i = 0; i < 11; i++) {
            if (regs[i] instanceof RegState.NotInit) continue;
            sb.append(" R").append(i).append('=').append(text(regs[i]));
        }
        for (int i = 0; i < stack.length; i++) {
            StackSlot s = stack[i];
            if (s.equals(StackSlot.EMPTY)) continue;
            sb.append(" fp").append(-(i + 1) * 8).append('=')
                    .append(s.isSpill() && s.spillSize() == 8 ? text(s.spilled()) : s.chars());
        }
        if (!refs.isEmpty()) {
            sb.append(" refs=");
            for (int i = 0; i < refs.size(); i++) sb.append(i == 0 ? "" : ",").append(refs.get(i).id());
        }
        return sb.toString();
    }

    private String text(RegState r) {
        if (r instanceof RegState.StackPtr(int fn, int off) && fn != frameno) return "fp[" + fn + "]" + off;
        return r.toString();
    }

    /** Registers and non-empty slots as the log prints a state: {@code R1=ctx() R10=fp0 fp-8=mmmmmmmm}. */
    @Override
    public String toString() {
        String s = kernelText();
        return s.isEmpty() ? s : s.substring(1);
    }
}
