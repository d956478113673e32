package io.kflab.cli;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.KernelSyntax;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.CapabilityStatus;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.bpf.sys.TestRunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kflab demo}: the main job end to end: assemble, disassemble, the kernel's verdict, a run, BTF. */
@Command(name = "demo", description = "A tour: assemble a program, show it as the verifier prints it, load and run it in the running kernel, show a rejection, summarise the kernel's BTF.")
final class DemoCommand implements Callable<Integer> {
    @Mixin JsonMixin json;
    @Spec CommandSpec spec;

    private static final String COUNTER = "examples/asm/count_by_proto.s";
    private static final String BROKEN = "examples/asm/uninit_r2.s";

    /** A frame: Ethernet + IPv4 header with the given protocol. */
    private static byte[] frame(int protocol) {
        byte[] f = new byte[64];
        f[12] = 0x08; // ethertype IPv4
        f[14] = 0x45;
        f[17] = 0x40; // total length 64
        f[22] = 64;   // ttl
        f[23] = (byte) protocol;
        return f;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean text = !json.json();
        Map<String, Object> report = new LinkedHashMap<>();
        KernelSession session = KernelSession.get();
        String source = resource(COUNTER);

        heading(out, text, "1. A program in LLVM BPF assembly (the kernel selftests' syntax): " + COUNTER);
        if (text) out.println(source.stripTrailing());

        // Offline: assemble with a placeholder map fd to show the kernel syntax.
        SymbolTable offline = session.symbolsBuilder().mapFd("counts", 0).build();
        Program program = new Assembler(offline).program(source, COUNTER);
        String kernelSyntax = new KernelSyntax(session.callNames()).print(program);
        heading(out, text, "2. Assembled: " + program.insns().size() + " instructions, " + program.slotCount()
                + " slots; as the verifier log prints them");
        if (text) out.print(kernelSyntax);
        report.put("program", Map.of("file", COUNTER, "insns", program.insns().size(), "kernelSyntax", kernelSyntax));

        CapabilityStatus cap = BpfCapability.check();
        heading(out, text, "3. The running kernel's verdict (Linux " + System.getProperty("os.version") + ")");
        if (!cap.available()) {
            if (text) out.println("skipped: " + cap.reason());
            report.put("kernel", Map.of("skipped", cap.reason()));
        } else {
            report.put("kernel", kernelPart(out, text, session, source));
        }

        heading(out, text, "6. The kernel's BTF (" + Btf.VMLINUX + ")");
        Btf btf = session.btf();
        if (btf == null) {
            if (text) out.println("skipped: the running kernel publishes no BTF");
        } else {
            BtfCommand.SummaryFacts facts = BtfCommand.SummaryFacts.of(btf, -1);
            if (text) {
                out.printf("%,d types; %d kfuncs (bpf_kfunc decl tags), %d with bpf_fastcall; struct_ops types: %s%n",
                        facts.types(), facts.kfuncs(), facts.fastcall(), String.join(", ", facts.structOps()));
                out.println("more: ./kflab btf summary | ./kflab btf kfuncs | ./kflab btf type tcp_congestion_ops");
            }
            report.put("btf", facts);
        }
        if (cap.available() && btf != null) report.put("catalog", catalogPart(out, text));
        report.put("sim", simPart(out, text));
        if (json.json()) JsonMixin.print(out, report);
        return cap.available() ? 0 : Main.EXIT_NO_CAPABILITY;
    }

    private Map<String, Object> kernelPart(PrintWriter out, boolean text, KernelSession session, String source) {
        Map<String, Object> part = new LinkedHashMap<>();
        try (MapFd counts = Bpf.mapCreate(MapType.ARRAY, 4, 8, 256).mapName("counts").create()) {
            Program program = new Assembler(session.symbolsBuilder().mapFd("counts", counts.fd()).build()).program(source, COUNTER);
            try (LoadResult r = Bpf.progLoad(ProgType.SCHED_CLS, program.encode()).logLevel(1).load()) {
                part.put("accepted", r.accepted());
                part.put("insnsProcessed", r.insnsProcessed());
                if (text) out.println(r.accepted() ? "accepted as sched_cls: " + r.log().strip()
                        : "rejected: " + r.errno() + "\n" + r.log());
                if (!r.accepted()) return part;

                heading(out, text, "4. Run it with BPF_PROG_TEST_RUN: 3 TCP frames, 2 UDP, 1 ICMP; then read the map");
                int[] protocols = {6, 6, 6, 17, 17, 1};
                List<Long> durations = new ArrayList<>();
                for (int p : protocols) {
                    TestRunResult t = r.fdOrThrow().testRun().dataIn(frame(p)).repeat(1000).run();
                    durations.add((long) t.duration());
                }
                Map<String, Long> byProto = new LinkedHashMap<>();
                for (int p : new int[] {1, 6, 17}) {
                    byte[] v = counts.lookupElem(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(p).array());
                    long n = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong();
                    byProto.put(p == 1 ? "icmp" : p == 6 ? "tcp" : "udp", n);
                }
                part.put("counts", byProto);
                part.put("nsPerRun", durations);
                if (text) {
                    out.println("each frame ran 1000 times; counts by protocol: " + byProto);
                    out.println("kernel time per run (ns): " + durations);
                }
            }
        }

        heading(out, text, "5. A program the verifier refuses: " + BROKEN);
        Program broken = new Assembler(session.symbols()).program(resource(BROKEN), BROKEN);
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, broken.encode()).logLevel(1).load()) {
            String line = r.log().lines().filter(l -> l.contains("!read_ok")).findFirst().orElse(r.log().strip());
            part.put("rejected", Map.of("errno", String.valueOf(r.errno()), "message", line));
            if (text) {
                out.print(new KernelSyntax(session.callNames()).print(broken));
                out.println("kernel: " + (r.accepted() ? "accepted (unexpected)" : r.errno() + ", \"" + line + "\""));
            }
        }
        return part;
    }

    /** The kfunc catalog of the running kernel, predicted from sources and measured by probing. */
    private Map<String, Object> catalogPart(PrintWriter out, boolean text) {
        heading(out, text, "7. The kfunc catalog: who may call what, predicted from kernel sources and measured on this kernel");
        io.kflab.catalog.CatalogSources sources = CatalogCommand.sources(spec);
        io.kflab.catalog.Catalog running = sources.running();
        var measured = io.kflab.catalog.probe.KfuncCallability.get(io.kflab.catalog.probe.ProbeCache.defaultCache(), false, text);
        var cmp = io.kflab.catalog.compare.ProbeComparison.of(running, measured);
        var show = new io.kflab.catalog.CatalogQueries(running).show("bpf_task_acquire").orElseThrow();
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("kfuncs", cmp.kfuncs());
        part.put("contexts", cmp.contexts());
        part.put("cells", cmp.cells());
        part.put("agree", cmp.agree());
        part.put("example", show);
        if (text) {
            out.printf("%d kfuncs x %d contexts: the prediction agrees with the kernel on %d of %d cells (%.2f%%)%n",
                    cmp.kfuncs(), cmp.contexts(), cmp.agree(), cmp.cells(), 100 * cmp.agreement());
            out.println(show.prototype() + "  [" + show.flags() + "]");
            out.println("  callable from " + show.callableFrom().size() + " contexts, e.g. " + String.join(", ", show.callableFrom().subList(0, Math.min(4, show.callableFrom().size()))));
            out.println("more: ./kflab catalog matrix --probe | ./kflab catalog diff linux-6.1 linux-6.12 | ./kflab catalog show NAME");
        }
        return part;
    }

    /** sched_ext without a sched_ext kernel: BPF schedulers in the simulated kernel, runqslower, a plot. */
    private Map<String, Object> simPart(PrintWriter out, boolean text) {
        heading(out, text, "8. sched_ext in the simulated kernel: BPF schedulers on 4 CPUs, 32 tasks (mixed workload), 1 s");
        Map<String, Object> part = new LinkedHashMap<>();
        Map<String, double[]> cdfs = new LinkedHashMap<>();
        List<io.kflab.sim.scenario.SimResult> results = new ArrayList<>();
        for (String scheduler : List.of("fair", "fifo", "vtime", "broken-stall")) {
            var s = new io.kflab.sim.scenario.Scenario("demo", 4, 1_000_000_000L, 1, scheduler,
                    io.kflab.sim.workload.WorkloadKind.MIXED, 32, false, "RUNTIME_MASK");
            var sim = io.kflab.sim.scenario.Simulation.of(s, List.of());
            io.kflab.sim.trace.RunqSlower rq = null;
            if (scheduler.equals("fifo")) {
                rq = new io.kflab.sim.trace.RunqSlower(60_000, sim.kernel()::now);
                sim.kernel().addTracepoints(rq);
            }
            var r = sim.run(io.kflab.bpf.diag.Progress.quiet());
            results.add(r);
            if (!scheduler.startsWith("broken")) cdfs.put(scheduler, sim.latency().sortedUs());
            if (rq != null) {
                part.put("runqslower", rq.events().subList(0, Math.min(5, rq.events().size())));
                if (text) {
                    out.println("runqslower (BPF on the sched tracepoints) under fifo, first lines:");
                    out.println(io.kflab.sim.trace.RunqSlower.header(60_000));
                    rq.events().stream().limit(5).forEach(e -> out.println(io.kflab.sim.trace.RunqSlower.line(e)));
                    out.println();
                }
            }
        }
        part.put("results", results);
        java.nio.file.Path plot = io.kflab.sim.plot.SimPlots.latencyCdf(java.nio.file.Path.of("demo-plots"), cdfs);
        part.put("plot", plot.toString());
        if (text) {
            out.printf("%-14s %6s %6s %9s %9s %9s  %s%n", "scheduler", "tasks", "lost", "p50 us", "p99 us", "fairness", "outcome");
            for (var r : results) {
                out.printf("%-14s %6d %6d %9.1f %9.1f %9.3f  %s%n", r.scheduler(), r.tasksCreated(), r.tasksLost(), r.latencyUs().p50(),
                        r.latencyUs().p99(), r.fairness(), r.ejected() ? "ejected: " + r.exitReason() : "ran to the end");
            }
            out.println("plot: " + plot + " (run-queue latency CDF per scheduler)");
            out.println("more: ./kflab sim schedulers | ./kflab sim run --scheduler vtime --trace runqslower --min-us 20000 | ./kflab designs matrix --subsystem sched_ext");
        }
        return part;
    }

    private static void heading(PrintWriter out, boolean text, String title) {
        if (text) out.println("\n== " + title + " ==");
    }

    static String resource(String path) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the kflab jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
