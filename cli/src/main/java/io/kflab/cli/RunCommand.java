package io.kflab.cli;

import io.kflab.bpf.asm.ProgramFiles;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.Engine;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RunInput;
import io.kflab.sim.runtime.RunResult;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.interp.Interpreter;
import io.kflab.sim.runtime.compiled.CompiledEngine;
import io.kflab.sim.runtime.maps.MapDef;
import io.kflab.sim.runtime.maps.SimMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kflab run}: one program in the simulated kernel's BPF runtime, with the input and JSON of {@code kflab kernel run}. */
@Command(name = "run", description = "Run FILE in kflab's BPF runtime (no kernel needed) with the same input options and JSON as 'kflab kernel run'. Exit 1 when the program faults.")
final class RunCommand implements Callable<Integer> {
    /** The execution engines of the runtime. */
    enum EngineName { interp, compiled }

    @Parameters(index = "0", paramLabel = "FILE", description = "Assembly (.s) or bytecode file.")
    Path file;

    @Option(names = "--type", required = true, paramLabel = "TYPE", converter = Converters.ProgTypeConverter.class,
            description = "Program type (socket_filter, sched_cls, sched_act and xdp get their kernel contexts; other types get --ctx as raw bytes).")
    ProgType type;

    @Option(names = "--map", paramLabel = "NAME=TYPE:KEY:VALUE:ENTRIES", converter = MapSpec.Converter.class,
            description = "Create a map for the program's %%[NAME] operand, e.g. counts=array:4:8:256 (repeatable).")
    List<MapSpec> maps = new ArrayList<>();

    @picocli.CommandLine.Mixin RunInputOptions input;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interp", description = "Execution engine: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    EngineName engine;

    @Mixin JsonMixin json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        input.validate(spec);
        int repeat = input.repeat;
        BpfRuntime rt = new BpfRuntime();
        SymbolTable.Builder symbols = KernelSession.get().symbolsBuilder();
        Map<String, SimMap> created = new LinkedHashMap<>();
        for (MapSpec m : maps) {
            int fd;
            try {
                fd = rt.createMap(new MapDef(m.name(), m.type(), m.keySize(), m.valueSize(), m.maxEntries(), 0));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new BadInputException("--map " + m.name(), e.getMessage());
            }
            created.put(m.name(), rt.map(fd));
            symbols.mapFd(m.name(), fd);
        }
        Program program = ProgramFiles.read(file, symbols.build());
        LoadedProgram loaded = rt.load(program, type);
        Engine e;
        if (engine == EngineName.compiled) {
            CompiledEngine ce = new CompiledEngine(rt);
            ce.compiled(loaded); // compile before the clock starts
            e = ce;
        } else e = new Interpreter(rt);
        byte[] in = input.dataIn(type);
        var out = spec.commandLine().getOut();
        RunResult r;
        long start = System.nanoTime();
        try {
            r = e.run(loaded, new RunInput(in, input.ctxIn(), repeat));
        } catch (RuntimeFault f) {
            spec.commandLine().getErr().println("kflab: " + file + ": runtime fault at " + f.getMessage());
            if (json.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("fault", f.reason());
                m.put("insn", f.insn());
                JsonMixin.print(out, m);
            }
            return 1;
        }
        long duration = (System.nanoTime() - start) / repeat;
        HexFormat hex = HexFormat.of();
        Map<String, Map<String, String>> dumps = new LinkedHashMap<>();
        created.forEach((name, m) -> dumps.put(name, nonZero(m)));
        if (json.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("retval", r.retval32());
            m.put("durationNs", duration);
            m.put("repeat", repeat);
            m.put("dataOut", hex.formatHex(r.dataOut()));
            m.put("ctxOut", hex.formatHex(r.ctxOut()));
            m.put("maps", dumps);
            JsonMixin.print(out, m);
        } else {
            out.println("retval: " + r.retval32() + " (0x" + Long.toHexString(r.retval32()) + ")");
            out.println("duration: " + duration + " ns per run (" + repeat + " run" + (repeat == 1 ? "" : "s") + ", " + engine + ")");
            if (r.dataOut().length > 0) out.println("data out: " + hex.formatHex(r.dataOut()));
            dumps.forEach((name, entries) -> {
                out.println("map " + name + ": " + (entries.isEmpty() ? "(all zero)" : ""));
                entries.forEach((k, v) -> out.println("  " + k + " -> " + v));
            });
            rt.tracePipe().forEach(l -> out.println("trace: " + l));
        }
        return 0;
    }

    /** As 'kflab kernel run' dumps maps: entries whose value is not all zero. */
    private static Map<String, String> nonZero(SimMap m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.dump().forEach((k, v) -> {
            if (!v.chars().allMatch(c -> c == '0')) out.put(k, v);
        });
        return out;
    }
}
