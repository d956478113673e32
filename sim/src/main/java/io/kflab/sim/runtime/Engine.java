package io.kflab.sim.runtime;

/** A way of executing loaded programs (kernel: the interpreter ___bpf_prog_run, or a JIT). */
public interface Engine {
    /** Runs {@code prog} on {@code input}; faults raise {@link RuntimeFault}. */
    RunResult run(LoadedProgram prog, RunInput input);
}
