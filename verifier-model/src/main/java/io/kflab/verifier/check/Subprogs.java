package io.kflab.verifier.check;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.verifier.state.FrameState;
import java.util.Arrays;
import java.util.List;

/**
 * The program's subprograms (kernel: env->subprog_info[]): where each starts, the deepest stack access the walk saw
 * in each (stack_depth, from grow_stack_state), and the check over the static call graph that runs after the walk
 * (check_max_stack_depth).
 */
final class Subprogs {
    private final int[] starts;
    private final int[] stackDepth;
    private final int slots;

    Subprogs(List<Integer> starts, int slots) {
        this.starts = starts.stream().mapToInt(Integer::intValue).toArray();
        this.stackDepth = new int[this.starts.length];
        this.slots = slots;
    }

    /** The subprogram starting at {@code insn} (kernel: find_subprog); -1 if none. */
    int at(int insn) {
        int i = Arrays.binarySearch(starts, insn);
        return i >= 0 ? i : -1;
    }

    int start(int subprog) {
        return starts[subprog];
    }

    /** Records a stack access {@code bytes} below the frame pointer of a frame running {@code subprog}. */
    void grow(int subprog, long bytes) {
        int size = (int) ((bytes + 7) & ~7L);
        if (size > stackDepth[subprog]) stackDepth[subprog] = size;
    }

    int stackDepth(int subprog) {
        return stackDepth[subprog];
    }

    /** round_up_stack_depth with the JIT on (x86-64, arm64: bpf_jit_enable is always on). */
    private int rounded(int subprog) {
        return (stackDepth[subprog] + 15) & ~15;
    }

    private static boolean callsSubprog(RawInsn r) {
        return (r.code() == 0x85 && r.src() == 1) || (r.code() == 0x18 && r.src() == 4);
    }

    /**
     * check_max_stack_depth_subprog from the main program: every chain of pseudo calls (also through dead code)
     * must have at most {@link Calls#MAX_CALL_FRAMES} frames and at most 512 bytes of stack in total.
     */
    void checkMaxStackDepth(List<RawInsn> prog) {
        int[] retInsn = new int[Calls.MAX_CALL_FRAMES];
        int[] retProg = new int[Calls.MAX_CALL_FRAMES];
        int depth = 0, frame = 0, idx = 0, i = starts[0];
        boolean enter = true;
        while (true) {
            if (enter) {
                depth += rounded(idx);
                if (depth > FrameState.STACK) {
                    throw Verifier.eacces("combined stack size of %d calls is %d. Too large", frame + 1, depth);
                }
                enter = false;
            }
            int end = idx + 1 < starts.length ? starts[idx + 1] : slots;
            for (; i < end; i++) {
                RawInsn r = prog.get(i);
                if (!callsSubprog(r)) continue;
                retInsn[frame] = i + 1;
                retProg[frame] = idx;
                int next = i + r.imm() + 1;
                idx = at(next);
                i = next;
                frame++;
                if (frame >= Calls.MAX_CALL_FRAMES) {
                    throw new Verifier.Reject("E2BIG", "the call stack of " + frame + " frames is too deep !");
                }
                enter = true;
                break;
            }
            if (enter) continue;
            if (frame == 0) return;
            depth -= rounded(idx);
            frame--;
            i = retInsn[frame];
            idx = retProg[frame];
        }
    }
}
