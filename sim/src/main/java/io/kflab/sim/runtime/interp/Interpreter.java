package io.kflab.sim.runtime.interp;

import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.Engine;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RunInput;
import io.kflab.sim.runtime.RunResult;
import io.kflab.sim.runtime.ctx.ProgramContext;

/**
 * The interpreter engine (kernel: kernel/bpf/core.c's ___bpf_prog_run, with the verifier's run-time
 * fix-ups folded in): executes one instruction at a time against the runtime's memory, maps and helpers.
 */
public final class Interpreter implements Engine {
    private final BpfRuntime rt;

    public Interpreter(BpfRuntime rt) {
        this.rt = rt;
    }

    public BpfRuntime runtime() {
        return rt;
    }

    /** One run of {@code prog} on a context the caller built: r0 and the instructions executed. */
    public Invocation invoke(LoadedProgram prog, ProgramContext ctx) {
        Execution ex = new Execution(rt, ctx, prog);
        long r0 = ex.run();
        return new Invocation(r0, ex.executed());
    }

    /** What one run returned. */
    public record Invocation(long r0, long executed) {}

    @Override
    public RunResult run(LoadedProgram prog, RunInput input) {
        ProgramContext ctx = ProgramContext.prepare(prog.type(), input.data(), input.ctx(), rt.memory());
        long r0 = 0, executed = 0;
        for (int i = 0; i < input.repeat(); i++) {
            Execution ex = new Execution(rt, ctx, prog);
            r0 = ex.run();
            executed = ex.executed();
        }
        return new RunResult(r0, ctx.dataOut(), ctx.ctxOut(), executed);
    }
}
