package io.kflab.cli;

import io.kflab.bpf.asm.ProgramFiles;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.sys.MapFd;
import java.util.ArrayList;
import java.util.List;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.ProgLoad;
import io.kflab.bpf.sys.ProgType;
import io.kflab.bpf.sys.TestRunResult;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kflab kernel}: the running kernel's own verdict and execution (BPF_PROG_LOAD, BPF_PROG_TEST_RUN). */
@Command(name = "kernel", description = "Load and run programs in the running kernel.",
        subcommands = {KernelCommand.Load.class, KernelCommand.Run.class})
final class KernelCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by load and run: the program and how the kernel should load it. */
    static final class LoadOptions {
        @Parameters(index = "0", paramLabel = "FILE", description = "Assembly (.s) or bytecode file.")
        Path file;

        @Option(names = "--type", required = true, paramLabel = "TYPE", converter = Converters.ProgTypeConverter.class,
                description = "Program type: the kernel's name without prefix (socket_filter, sched_cls, xdp, tracepoint, raw_tracepoint, tracing, struct_ops, syscall, ...).")
        ProgType type;

        @Option(names = "--attach", paramLabel = "STRUCT:MEMBER",
                description = "For struct_ops: the struct_ops type and member the program implements, e.g. tcp_congestion_ops:cong_avoid.")
        String attach;

        @Option(names = "--sleepable", description = "Load with BPF_F_SLEEPABLE.")
        boolean sleepable;

        @Option(names = "--log-level", paramLabel = "N", defaultValue = "1", description = "Verifier log level (0, 1, 2; default ${DEFAULT-VALUE}).")
        int logLevel;

        @Option(names = "--license", defaultValue = "GPL", description = "License string (default ${DEFAULT-VALUE}).")
        String license;

        @Option(names = "--map", paramLabel = "NAME=TYPE:KEY:VALUE:ENTRIES", converter = MapSpec.Converter.class,
                description = "Create a map for the program's %%[NAME] operand, e.g. counts=array:4:8:256 (repeatable).")
        List<MapSpec> maps = new ArrayList<>();

        /** Creates the maps, assembles FILE against them and loads it. */
        Loaded load() {
            KernelSession session = KernelSession.get();
            SymbolTable.Builder symbols = session.symbolsBuilder();
            if (!maps.isEmpty()) {
                // A map operand needs a map before the program can be assembled.
                BpfCapability.require();
            }
            Map<String, MapFd> created = new LinkedHashMap<>();
            try {
                for (MapSpec m : maps) {
                    MapFd fd = m.create();
                    created.put(m.name(), fd);
                    symbols.mapFd(m.name(), fd.fd());
                }
                byte[] insns = ProgramFiles.readBytes(file, symbols.build());
                BpfCapability.require();
                ProgLoad load = Bpf.progLoad(type, insns).logLevel(logLevel).license(license);
                if (sleepable) load.progFlags(ProgLoad.BPF_F_SLEEPABLE);
                if (attach != null) session.attach(type, attach).applyTo(load);
                return new Loaded(load.load(), created);
            } catch (RuntimeException e) {
                created.values().forEach(MapFd::close);
                throw e;
            }
        }
    }

    /** A load result and the maps created for it; closing releases both. */
    record Loaded(LoadResult result, Map<String, MapFd> maps) implements AutoCloseable {
        Map<String, Map<String, String>> dumpMaps() {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            maps.forEach((name, fd) -> out.put(name, MapSpec.dump(fd)));
            return out;
        }

        @Override
        public void close() {
            result.close();
            maps.values().forEach(MapFd::close);
        }
    }

    @Command(name = "load", description = "Load FILE into the running kernel; print the verdict, errno and verifier log. Exit 0 when accepted, 1 when rejected.")
    static final class Load implements Callable<Integer> {
        @Mixin LoadOptions options;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            try (Loaded loaded = options.load()) {
                LoadResult r = loaded.result();
                var out = spec.commandLine().getOut();
                if (json.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("accepted", r.accepted());
                    m.put("errno", r.accepted() ? null : r.errno().name());
                    m.put("log", r.log());
                    m.put("insnsProcessed", r.insnsProcessed());
                    JsonMixin.print(out, m);
                } else {
                    out.println(r.accepted() ? "accepted" : "rejected: " + r.errno().name() + " (" + r.errno().description() + ")");
                    if (r.insnsProcessed() >= 0) out.println("insns processed: " + r.insnsProcessed());
                    if (!r.log().isEmpty()) {
                        out.println("--- verifier log ---");
                        out.println(r.log().stripTrailing());
                    }
                }
                return r.accepted() ? 0 : 1;
            }
        }
    }

    @Command(name = "run", description = "Load FILE and run it once or N times with BPF_PROG_TEST_RUN; print retval and duration.")
    static final class Run implements Callable<Integer> {
        @Mixin LoadOptions options;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Mixin RunInputOptions input;

        @Override
        public Integer call() {
            input.validate(spec);
            int repeat = input.repeat;
            byte[] ctx = input.ctxIn();
            try (Loaded loaded = options.load()) {
                LoadResult r = loaded.result();
                var out = spec.commandLine().getOut();
                if (!r.accepted()) {
                    spec.commandLine().getErr().println("kflab: the kernel rejected " + options.file + ": " + r.errno().name()
                            + " (run 'kflab kernel load' for the log)");
                    if (json.json()) JsonMixin.print(out, Map.of("accepted", false, "errno", r.errno().name(), "log", r.log()));
                    return 1;
                }
                byte[] in = input.dataIn(options.type);
                boolean syscall = options.type == ProgType.SYSCALL;
                if (syscall && repeat > 1) {
                    throw new io.kflab.bpf.diag.BadInputException("--repeat " + repeat, "syscall programs run once (BPF_PROG_TEST_RUN refuses repeat for them)");
                }
                // Syscall programs take neither repeat nor ctx_out (the kernel copies the context back into ctx_in).
                var run = r.fdOrThrow().testRun().repeat(syscall ? 0 : repeat);
                if (in != null) run.dataIn(in);
                if (ctx != null) run.ctxIn(ctx);
                if (ctx != null && !syscall) run.ctxSizeOut(ctx.length);
                TestRunResult t = run.run();
                HexFormat hex = HexFormat.of();
                if (json.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("retval", Integer.toUnsignedLong(t.retval()));
                    m.put("durationNs", t.duration());
                    m.put("repeat", repeat);
                    m.put("dataOut", t.dataOut() == null ? null : hex.formatHex(t.dataOut()));
                    m.put("ctxOut", t.ctxOut() == null ? null : hex.formatHex(t.ctxOut()));
                    m.put("maps", loaded.dumpMaps());
                    JsonMixin.print(out, m);
                } else {
                    out.println("retval: " + Integer.toUnsignedLong(t.retval()) + " (0x" + Integer.toHexString(t.retval()) + ")");
                    out.println("duration: " + t.duration() + " ns per run (" + repeat + " run" + (repeat == 1 ? "" : "s") + ")");
                    if (t.dataOut() != null && t.dataOut().length > 0) out.println("data out: " + hex.formatHex(t.dataOut()));
                    loaded.dumpMaps().forEach((name, entries) -> {
                        out.println("map " + name + ": " + (entries.isEmpty() ? "(all zero)" : ""));
                        entries.forEach((k, v) -> out.println("  " + k + " -> " + v));
                    });
                }
                return 0;
            }
        }
    }
}
