package io.kflab.verifier.check;

import io.kflab.verifier.state.FrameState;
import io.kflab.verifier.state.RegState;

/**
 * Calls of static subprograms (kernel: check_func_call → setup_func_entry with set_callee_state) and their
 * returns (kernel: prepare_func_exit), with the log lines both print at log level 1 and up.
 */
final class Calls {
    /** Frames a call chain may have (kernel: MAX_CALL_FRAMES). */
    static final int MAX_CALL_FRAMES = 8;

    private Calls() {}

    /**
     * The callee's frame for a call at {@code callsite}: r1–r5 copied by value from the caller (pointers to the
     * caller's stack keep their frame number), r10 its own frame pointer, everything else NOT_INIT; the caller's
     * r0–r5 become NOT_INIT (clear_caller_saved_regs).
     */
    static FrameState enter(FrameState caller, int callsite, int subprog, StringBuilder log) {
        if (caller.frameno + 1 >= MAX_CALL_FRAMES) {
            throw new Verifier.Reject("E2BIG", "the call stack of " + (caller.frameno + 2) + " frames is too deep");
        }
        FrameState saved = caller.copy();
        for (int i = 0; i <= 5; i++) saved.regs[i] = RegState.NOT_INIT;
        FrameState callee = FrameState.withResources(FrameState.empty(caller.frameno + 1, subprog, callsite, saved), caller);
        System.arraycopy(caller.regs, 1, callee.regs, 1, 5);
        if (log != null) {
            log.append("caller:\n").append(saved.kernelText()).append('\n')
                    .append("callee:\n").append(callee.kernelText()).append('\n');
        }
        return callee;
    }

    /** The caller's frame after {@code callee} exits: r0 is the callee's r0, whatever it is (even NOT_INIT). */
    static FrameState exit(FrameState callee, StringBuilder log) {
        RegState r0 = callee.regs[0];
        if (r0 instanceof RegState.StackPtr) throw Verifier.einval("cannot return stack pointer to the caller");
        FrameState caller = FrameState.withResources(callee.caller.copy(), callee); // references are the state's, not the frame's
        caller.regs[0] = r0;
        if (log != null) {
            log.append("returning from callee:\n").append(callee.kernelText()).append('\n')
                    .append("to caller at ").append(callee.callsite + 1).append(":\n")
                    .append(caller.kernelText()).append('\n');
        }
        return caller;
    }
}
