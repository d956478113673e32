package io.kflab.sim.runtime.compiled;

import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.Engine;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RunInput;
import io.kflab.sim.runtime.RunResult;
import io.kflab.sim.runtime.ctx.ProgramContext;
import io.kflab.sim.runtime.interp.Execution;
import java.lang.invoke.MethodHandles;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compiling engine (kernel: the BPF JIT, bpf_int_jit_compile): each loaded program becomes a
 * JVM hidden class on its first run, and runs share the interpreter's {@link Execution} state, so
 * results, faults and instruction counts are the interpreter's. A program the compiler cannot
 * translate runs in the interpreter instead (see docs/sim-runtime.md).
 */
public final class CompiledEngine implements Engine {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private final BpfRuntime rt;
    private final Map<LoadedProgram, Optional<Compiled>> cache = new IdentityHashMap<>();
    private int fallbacks;

    public CompiledEngine(BpfRuntime rt) {
        this.rt = rt;
    }

    public BpfRuntime runtime() {
        return rt;
    }

    @Override
    public RunResult run(LoadedProgram prog, RunInput input) {
        ProgramContext ctx = ProgramContext.prepare(prog.type(), input.data(), input.ctx(), rt.memory());
        long r0 = 0, executed = 0;
        for (int i = 0; i < input.repeat(); i++) {
            Execution ex = new Execution(rt, ctx, prog, this::exec);
            r0 = ex.run();
            executed = ex.executed();
        }
        return new RunResult(r0, ctx.dataOut(), ctx.ctxOut(), executed);
    }

    /** The dispatch loop: enters compiled chunks until the frame at {@code stopDepth} exits. */
    private long exec(Execution ex, int pc, int stopDepth) {
        int from = pc;
        while (true) {
            if (!ex.validTarget(pc)) throw ex.badJump(from, pc);
            Optional<Compiled> c = compiled(ex.prog());
            if (c.isEmpty() || !c.get().leaders().get(pc)) return ex.interpret(pc, stopDepth);
            pc = c.get().code().enter(ex, pc, stopDepth);
            if (pc == Execution.DONE) return ex.regs()[0];
            from = ex.last();
        }
    }

    /** {@code prog} compiled (once per engine), or empty when it runs in the interpreter. */
    public Optional<Compiled> compiled(LoadedProgram prog) {
        return cache.computeIfAbsent(prog, p -> {
            try {
                return Optional.of(ProgramCompiler.compile(p, LOOKUP));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                fallbacks++;
                return Optional.empty();
            }
        });
    }

    /** Programs that failed to compile and ran in the interpreter. */
    public int fallbacks() {
        return fallbacks;
    }
}
