package io.kflab.verifier.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.verifier.scalar.Scalar;
import io.kflab.verifier.state.FrameState;
import io.kflab.verifier.state.RegState;
import io.kflab.verifier.state.StackSlot;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the calling convention (kernel: set_callee_state, clear_caller_saved_regs, prepare_func_exit). */
class CallsPropertiesTest {
    private static FrameState caller(List<Long> values, int depth) {
        FrameState f = FrameState.entry();
        for (int d = 0; d < depth; d++) f = Calls.enter(f, d, 1, null);
        f = f.copy();
        for (int i = 0; i < 10; i++) f.regs[i] = RegState.scalar(Scalar.constant(values.get(i)));
        f.stack[0] = new StackSlot(new byte[] {1, 1, 1, 1, 1, 1, 1, 1}, RegState.NOT_INIT);
        return f;
    }

    /** r1–r5 go to the callee by value, r0 and r6–r9 do not; r10 is the callee's own frame pointer. */
    @Property
    void calleeSeesArgumentsOnly(@ForAll @Size(10) List<Long> values, @ForAll @IntRange(max = 6) int depth) {
        FrameState c = caller(values, depth);
        FrameState callee = Calls.enter(c, 42, 2, null);
        assertThat(callee.frameno).isEqualTo(depth + 1);
        for (int i = 1; i <= 5; i++) assertThat(callee.regs[i]).isEqualTo(c.regs[i]);
        for (int i : new int[] {0, 6, 7, 8, 9}) assertThat(callee.regs[i]).isEqualTo(RegState.NOT_INIT);
        assertThat(callee.regs[10]).isEqualTo(new RegState.StackPtr(depth + 1, 0));
        assertThat(callee.stack).containsOnly(StackSlot.EMPTY);
    }

    /** After the return r0 is the callee's, r1–r5 are NOT_INIT, r6–r10 and the caller's stack are as before. */
    @Property
    void returnRestoresCalleeSavedState(@ForAll @Size(10) List<Long> values, @ForAll @IntRange(max = 6) int depth,
                                        @ForAll long result) {
        FrameState c = caller(values, depth);
        FrameState callee = Calls.enter(c, 42, 2, null).copy();
        callee.regs[0] = RegState.scalar(Scalar.constant(result));
        for (int i = 1; i <= 9; i++) callee.regs[i] = RegState.scalar(Scalar.UNKNOWN);
        FrameState back = Calls.exit(callee, null);
        assertThat(back.frameno).isEqualTo(depth);
        assertThat(back.regs[0]).isEqualTo(RegState.scalar(Scalar.constant(result)));
        for (int i = 1; i <= 5; i++) assertThat(back.regs[i]).isEqualTo(RegState.NOT_INIT);
        for (int i = 6; i <= 10; i++) assertThat(back.regs[i]).isEqualTo(c.regs[i]);
        assertThat(back.stack).isEqualTo(c.stack);
        assertThat(back.caller).isEqualTo(c.caller);
    }

    /** The eighth frame is the last (MAX_CALL_FRAMES): a call from it is rejected as the kernel does. */
    @Property
    void callDepthIsBounded(@ForAll @IntRange(max = 7) int depth) {
        FrameState c = caller(java.util.Collections.nCopies(10, 0L), depth);
        if (depth < 7) {
            assertThat(Calls.enter(c, 0, 1, null).frameno).isEqualTo(depth + 1);
        } else {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Calls.enter(c, 0, 1, null))
                    .hasMessage("the call stack of 9 frames is too deep");
        }
    }
}
