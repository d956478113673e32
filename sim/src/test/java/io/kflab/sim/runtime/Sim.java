package io.kflab.sim.runtime;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.interp.Interpreter;
import io.kflab.sim.runtime.maps.MapDef;

/** Test fixture: a runtime, maps named for %[name] operands, assembly in, results out. */
public final class Sim {
    public final BpfRuntime rt;
    private final SymbolTable.Builder symbols = SymbolTable.builder();
    private java.util.function.Function<BpfRuntime, Engine> engine = Interpreter::new;

    public Sim() {
        this(RuntimeConfig.defaults());
    }

    public Sim(RuntimeConfig config) {
        rt = new BpfRuntime(config);
    }

    /** Runs programs with the engine {@code factory} makes (default: the interpreter). */
    public Sim engine(java.util.function.Function<BpfRuntime, Engine> factory) {
        this.engine = factory;
        return this;
    }

    /** A fresh engine over this runtime. */
    public Engine engine() {
        return engine.apply(rt);
    }

    public Sim map(String name, MapType type, int key, int value, int entries) {
        symbols.mapFd(name, rt.createMap(MapDef.of(name, type, key, value, entries)));
        return this;
    }

    public Program program(String asm) {
        return new Assembler(symbols.build()).program(asm, "test.s");
    }

    public LoadedProgram load(String asm, ProgType type) {
        return rt.load(program(asm), type);
    }

    public RunResult run(String asm, ProgType type, byte[] data, byte[] ctx) {
        return engine().run(load(asm, type), new RunInput(data, ctx, 1));
    }

    /** Runs a syscall program without context; r0 at exit. */
    public long r0(String asm) {
        return run(asm, ProgType.SYSCALL, null, null).retval();
    }
}
