package io.kflab.cli;

import io.kflab.bench.Tools;
import io.kflab.bench.dispatch.DispatchDesign;
import io.kflab.bench.dispatch.DispatchReport;
import io.kflab.bench.dispatch.DispatchScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kflab bench}: runs the JMH benchmarks and writes JMH's JSON results. */
@Command(name = "bench", description = "Run JMH benchmarks (all, or those matching NAME: btf, asm, ...) and write JSON results.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Regex of benchmark names, e.g. Btf, Asm (default: all).")
    String name;

    @Option(names = "--quick", description = "1 warm-up and 3 measurement iterations of 1 s (default 3 and 5).")
    boolean quick;

    @Option(names = "--out", paramLabel = "FILE", description = "JMH JSON results file (default bench-results/<name>-<time>.json).")
    Path out;

    @Mixin JsonMixin json;
    @Spec CommandSpec spec;

    /** One benchmark's score as JMH reports it. */
    record Score(String benchmark, String param, String mode, double score, double error, String unit) {}

    @Override
    public Integer call() throws RunnerException, IOException {
        PrintWriter w = spec.commandLine().getOut();
        String include = name == null ? "io\\.kflab\\.bench\\..*" : "io\\.kflab\\.bench\\..*(?i:" + name + ").*";
        Path results = out != null ? out : Path.of("bench-results",
                (name == null ? "all" : name.replaceAll("[^A-Za-z0-9_-]", "_")) + "-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        if (results.getParent() != null) Files.createDirectories(results.getParent());

        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED")
                .resultFormat(ResultFormatType.JSON)
                .result(results.toString())
                .shouldFailOnError(true);
        if (Tools.bpftoolOrNull() == null && !installBpftool()) {
            spec.commandLine().getErr().println("kflab bench: bpftool is not installed and could not be installed; skipping BtfParseBench.bpftoolDump");
            opts.exclude(".*bpftoolDump");
        }
        if (json.json()) opts.verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
        var matching = org.openjdk.jmh.runner.BenchmarkList.defaultList().find(
                org.openjdk.jmh.runner.format.OutputFormatFactory.createFormatInstance(System.out, org.openjdk.jmh.runner.options.VerboseMode.SILENT),
                List.of(include), List.of());
        if (matching.isEmpty()) {
            throw new io.kflab.bpf.diag.BadInputException("NAME " + name, "no benchmark matches; names: Btf, Asm, Catalog, TnumMul, Verify, Sim, RunBench, Dispatch (see README)");
        }
        Collection<RunResult> runs;
        try {
            runs = new Runner(opts.build()).run();
        } catch (RunnerException e) {
            spec.commandLine().getErr().println("kflab bench: JMH failed: " + (e.getMessage() == null ? e : e.getMessage().strip()));
            return 1;
        }
        if (runs.isEmpty()) {
            throw new io.kflab.bpf.diag.BadInputException("NAME " + name, "no benchmark matches; names: Btf, Asm, Catalog, TnumMul, Verify, Sim, RunBench, Dispatch (see README)");
        }
        List<Score> scores = new ArrayList<>();
        for (RunResult r : runs) {
            var p = r.getPrimaryResult();
            String bench = r.getParams().getBenchmark().replace("io.kflab.bench.", "");
            String param = r.getParams().getParamsKeys().stream().map(k -> r.getParams().getParam(k)).collect(java.util.stream.Collectors.joining(","));
            scores.add(new Score(bench, param, r.getParams().getMode().shortLabel(), p.getScore(), p.getScoreError(), p.getScoreUnit()));
            r.getSecondaryResults().forEach((label, sec) -> {
                if (label.startsWith("·")) return; // JMH's own profiler-style entries
                scores.add(new Score(bench + ":" + label, param, r.getParams().getMode().shortLabel(), sec.getScore(), sec.getScoreError(), sec.getScoreUnit()));
            });
        }
        kernelNsPerRun(scores);
        Map<String, Double> ratios = ratios(scores);
        DispatchReport dispatch = DispatchReport.of("JMH (kflab bench)", DispatchReport.fromJmh(runs));
        Path dispatchJson = null, dispatchPng = null;
        if (!dispatch.scores().isEmpty()) {
            for (DispatchScore d : dispatch.scores()) {
                if (d.design() != DispatchDesign.DIRECT_CALL) {
                    ratios.put("dispatch " + d.design().label + " / direct call (" + d.kind() + ", " + d.callsPerOp() + " calls/op)", d.ratio());
                }
            }
            String base = results.getFileName().toString().replaceFirst("\\.json$", "");
            dispatchJson = dispatch.writeJson(results.resolveSibling(base + "-dispatch.json"));
            dispatchPng = dispatch.writeChart(results.resolveSibling(base + "-dispatch.png"));
        }
        if (json.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("results", results.toString());
            m.put("scores", scores);
            m.put("ratios", ratios);
            if (dispatchJson != null) {
                m.put("dispatch", Map.of("scores", dispatch.scores(), "targets", dispatch.targets(), "json", dispatchJson.toString(),
                        "chart", dispatchPng.toString()));
            }
            JsonMixin.print(w, m);
        } else {
            w.println();
            w.printf("%-40s %-24s %6s %14s %12s  %s%n", "benchmark", "param", "mode", "score", "error", "unit");
            for (Score s : scores) w.printf("%-40s %-24s %6s %14.3f %12.3f  %s%n", s.benchmark(), s.param(), s.mode(), s.score(), s.error(), s.unit());
            ratios.forEach((k, v) -> w.printf("%s: %.3f%n", k, v));
            if (dispatchJson != null) {
                w.println();
                w.print(dispatch.markdown());
                for (DispatchReport.Target t : dispatch.targets()) {
                    w.printf("target %-55s %10.3f ± %.3f  (%s) %s%n", t.name(), t.value(), t.error(), t.limit(), t.met() ? "met" : "NOT MET");
                }
                w.println("dispatch results: " + dispatchJson + ", chart: " + dispatchPng);
            }
            w.println("JMH results: " + results);
        }
        return 0;
    }

    /** RunBench.kernel's counters are totals (ns, runs): their quotient is the kernel's reported ns per run. */
    static void kernelNsPerRun(List<Score> scores) {
        for (Score ns : List.copyOf(scores)) {
            if (!ns.benchmark().equals("RunBench.kernel:kernelNs")) continue;
            Score runs = find(scores, "RunBench.kernel:kernelRuns", ns.param());
            scores.removeIf(s -> s == ns || s == runs);
            if (runs != null && runs.score() > 0) {
                scores.add(new Score("RunBench.kernel:kernelNsPerRun", ns.param(), ns.mode(), ns.score() / runs.score(), Double.NaN, "ns/op"));
            }
        }
    }

    /** Ratios the targets are stated in. */
    static Map<String, Double> ratios(List<Score> scores) {
        Map<String, Double> out = new LinkedHashMap<>();
        Score parse = find(scores, "BtfParseBench.parse"), bpftool = find(scores, "BtfParseBench.bpftoolDump");
        if (parse != null && bpftool != null) out.put("btf parse / bpftool btf dump (time ratio)", parse.score() / bpftool.score());
        for (Score s : scores) {
            if (s.benchmark().equals("SimBench.oneSecond64Cpus10kTasks")) out.put("sim " + s.param() + ": virtual s per wall s (64 CPUs, 10k tasks)", s.score());
        }
        for (String corpus : List.of("generated", "selftests")) {
            Score model = find(scores, "VerifyBench.model", corpus), kernel = find(scores, "VerifyBench.kernel", corpus);
            if (model != null && kernel != null) out.put("verify model / kernel, " + corpus + " (time ratio)", model.score() / kernel.score());
        }
        runRatios(scores, out);
        return out;
    }

    /**
     * RunBench: the runtime's ns per run over the kernel's (its own reported duration when there,
     * else the test run's wall time / repeat), per program and engine, and the geometric mean.
     */
    private static void runRatios(List<Score> scores, Map<String, Double> out) {
        Map<String, List<Double>> byEngine = new LinkedHashMap<>();
        for (Score rt : scores) {
            if (!rt.benchmark().equals("RunBench.runtime")) continue;
            String[] p = rt.param().split(",", 2); // engine and program, in JMH's key order
            if (p.length < 2) continue;
            int prog = find(scores, "RunBench.kernel", p[0]) != null ? 0 : 1;
            String program = p[prog], engine = p[1 - prog];
            Score kernel = find(scores, "RunBench.kernel:kernelNsPerRun", program);
            if (kernel == null || kernel.score() <= 0) kernel = find(scores, "RunBench.kernel", program);
            if (kernel == null || kernel.score() <= 0) continue;
            double ratio = rt.score() / kernel.score();
            out.put("run " + engine + " / kernel (time per run), " + program, ratio);
            byEngine.computeIfAbsent(engine, k -> new ArrayList<>()).add(ratio);
        }
        byEngine.forEach((engine, rs) -> out.put("run " + engine + " / kernel (time per run), geometric mean (target <= "
                        + (engine.equals("compiled") ? 2 : 10) + ")",
                Math.exp(rs.stream().mapToDouble(Math::log).average().orElse(0))));
    }

    private static Score find(List<Score> scores, String bench) {
        return scores.stream().filter(s -> s.benchmark().equals(bench)).findFirst().orElse(null);
    }

    private static Score find(List<Score> scores, String bench, String param) {
        return scores.stream().filter(s -> s.benchmark().equals(bench) && param.equals(s.param())).findFirst().orElse(null);
    }

    /** bpftool comes from Debian's package; install it when we are root and apt-get is there. */
    private boolean installBpftool() {
        try {
            if (!"root".equals(System.getProperty("user.name"))) return false;
            spec.commandLine().getErr().println("kflab bench: installing bpftool (apt-get install bpftool) for the BTF comparison...");
            Process p = new ProcessBuilder("apt-get", "install", "-y", "-q", "bpftool")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0 && Tools.bpftoolOrNull() != null;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
