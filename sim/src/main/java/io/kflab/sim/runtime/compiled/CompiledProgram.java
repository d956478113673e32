package io.kflab.sim.runtime.compiled;

import io.kflab.sim.runtime.interp.Execution;

/**
 * A program compiled to a JVM hidden class (kernel: the image bpf_int_jit_compile leaves in
 * prog->bpf_func). The class implements this interface; the engine calls it from its dispatch loop.
 */
public interface CompiledProgram {
    /**
     * Runs from block leader {@code pc} while control stays in one method: the next slot to run
     * (a block of another method, or a return or tail call target), or {@link Execution#DONE}.
     */
    int enter(Execution ex, int pc, int stopDepth);
}
