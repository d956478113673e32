package io.kflab.sim.runtime.helpers;

import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.mem.Memory;

/** What a helper or kfunc sees of the running program (kernel: the helper's arguments plus current, the CPU and the program's ctx). */
public interface CallContext {
    BpfRuntime runtime();

    default Memory memory() {
        return runtime().memory();
    }

    /** The slot index of the call instruction (for faults). */
    int insn();

    /** The program's context pointer (r1 at entry). */
    long ctx();

    /** Calls the program's function at {@code funcAddr} (an ld_imm64 func value) with up to five arguments; its r0. */
    long callFunction(long funcAddr, long... args);
}
