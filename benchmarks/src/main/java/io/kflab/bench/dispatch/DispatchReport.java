package io.kflab.bench.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.openjdk.jmh.results.RunResult;

/**
 * The dispatch-overhead results (kernel: the cost per scx_bpf_dsq_insert call of each design):
 * ns per call, ratio to the direct call with propagated error, the targets, as JSON and as
 * a bar chart of the ratios.
 *
 * @param source how it was measured ("JMH ..." or "in-process ...")
 */
public record DispatchReport(String source, List<DispatchScore> scores) {
    public DispatchReport {
        // one order everywhere (JMH runs benchmarks alphabetically): the chart's series must share their categories' order
        scores = scores.stream().sorted(java.util.Comparator.comparing((DispatchScore s) -> !s.kind().equals(DispatchScore.MECHANISM))
                .thenComparingInt(DispatchScore::callsPerOp).thenComparing(DispatchScore::design)).toList();
    }

    /** One of the targets, evaluated. */
    public record Target(String name, double value, double error, String limit, boolean met) {}

    /** Ratios against the DIRECT_CALL row of the same kind and calls per op (rows without one are dropped). */
    public static DispatchReport of(String source, List<DispatchScore.Raw> raw) {
        List<DispatchScore> out = new ArrayList<>();
        for (DispatchScore.Raw r : raw) {
            Optional<DispatchScore.Raw> base = raw.stream()
                    .filter(b -> b.design() == DispatchDesign.DIRECT_CALL && b.kind().equals(r.kind()) && b.callsPerOp() == r.callsPerOp()).findFirst();
            if (base.isEmpty()) continue;
            double b = base.get().nsPerCall(), ratio = r.nsPerCall() / b;
            double rel = Math.sqrt(sq(r.errorNs() / r.nsPerCall()) + (r.design() == DispatchDesign.DIRECT_CALL ? 0 : sq(base.get().errorNs() / b)));
            if (!Double.isNaN(r.pairedRatio())) out.add(new DispatchScore(r.kind(), r.design(), r.callsPerOp(), r.nsPerCall(), r.errorNs(),
                    r.pairedRatio(), r.pairedRatioError()));
            else out.add(new DispatchScore(r.kind(), r.design(), r.callsPerOp(), r.nsPerCall(), r.errorNs(), ratio, ratio * rel));
        }
        return new DispatchReport(source, out);
    }

    private static double sq(double x) {
        return x * x;
    }

    /** The DispatchBench and DispatchLoopBench results among {@code runs}, per kfunc call. */
    public static List<DispatchScore.Raw> fromJmh(Collection<RunResult> runs) {
        List<DispatchScore.Raw> out = new ArrayList<>();
        for (RunResult r : runs) {
            String bench = r.getParams().getBenchmark();
            var p = r.getPrimaryResult();
            if (bench.endsWith(".DispatchBench." + method(bench))) {
                int calls = Integer.parseInt(r.getParams().getParam("calls"));
                DispatchDesign d = switch (method(bench)) {
                    case "directCall" -> DispatchDesign.DIRECT_CALL;
                    case "runtimeMask" -> DispatchDesign.RUNTIME_MASK;
                    case "loadFilter" -> DispatchDesign.LOAD_FILTER;
                    case "polymorphic" -> DispatchDesign.POLYMORPHIC;
                    default -> null;
                };
                if (d != null) out.add(new DispatchScore.Raw(DispatchScore.MECHANISM, d, calls, p.getScore() / calls, p.getScoreError() / calls));
            } else if (bench.endsWith(".DispatchLoopBench.bpfDispatchLoop")) {
                int calls = io.kflab.bench.DispatchLoopBench.CALLS;
                DispatchDesign d = DispatchDesign.valueOf(r.getParams().getParam("design"));
                out.add(new DispatchScore.Raw(DispatchScore.BPF_RUNTIME, d, calls, p.getScore() / calls, p.getScoreError() / calls));
            }
        }
        return out;
    }

    private static String method(String bench) {
        return bench.substring(bench.lastIndexOf('.') + 1);
    }

    /** The score of {@code design} for a kind and calls per op. */
    public Optional<DispatchScore> score(String kind, DispatchDesign design, int calls) {
        return scores.stream().filter(s -> s.kind().equals(kind) && s.design() == design && s.callsPerOp() == calls).findFirst();
    }

    /**
     * The targets for each measured kind and calls per op: POLYMORPHIC and LOAD_FILTER within
     * 1.05x of the direct call, RUNTIME_MASK's extra cost (ns over the direct call) with relative error below 5%.
     */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (DispatchScore base : scores) {
            if (base.design() != DispatchDesign.DIRECT_CALL) continue;
            String where = base.kind() + ", " + base.callsPerOp() + " call" + (base.callsPerOp() == 1 ? "" : "s") + "/op";
            for (DispatchDesign d : List.of(DispatchDesign.POLYMORPHIC, DispatchDesign.LOAD_FILTER)) {
                score(base.kind(), d, base.callsPerOp()).ifPresent(s -> out.add(new Target(d.label + " / direct call (" + where + ")",
                        s.ratio(), s.ratioError(), "<= 1.05", s.ratio() <= 1.05)));
            }
            score(base.kind(), DispatchDesign.RUNTIME_MASK, base.callsPerOp()).ifPresent(s -> {
                // paired measurements: the extra cost is (ratio - 1) x the direct call, its error the ratio's (scaled)
                boolean paired = base.ratioError() == 0 && base.errorNs() > 0;
                double extra = paired ? (s.ratio() - 1) * base.nsPerCall() : s.nsPerCall() - base.nsPerCall();
                double err = paired ? s.ratioError() * base.nsPerCall() : Math.hypot(s.errorNs(), base.errorNs());
                double rel = extra <= 0 ? Double.POSITIVE_INFINITY : err / extra;
                out.add(new Target("RUNTIME_MASK extra ns/call (" + where + ")", extra, err, "relative error < 5%", rel < 0.05));
            });
        }
        return out;
    }

    /** Writes {@code file} (JSON: source, scores, targets). */
    public Path writeJson(Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("scores", scores);
        m.put("targets", targets());
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes a PNG bar chart of the ratios to the direct call, one series per kind and calls per op, with error bars. */
    public Path writeChart(Path file) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(900).height(480)
                .title("scx_bpf_dsq_insert: cost per call relative to a direct call")
                .xAxisTitle("design").yAxisTitle("time per call / direct call").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        Map<String, List<DispatchScore>> series = new LinkedHashMap<>();
        for (DispatchScore s : scores) series.computeIfAbsent(s.kind() + ", " + s.callsPerOp() + " calls/op", k -> new ArrayList<>()).add(s);
        for (var e : series.entrySet()) {
            List<String> x = e.getValue().stream().map(s -> s.design().label).toList();
            List<Double> y = e.getValue().stream().map(DispatchScore::ratio).toList();
            List<Double> err = e.getValue().stream().map(DispatchScore::ratioError).toList();
            chart.addSeries(e.getKey(), x, y, err);
        }
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A markdown table of the scores. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| measured | calls/op | design | ns/call | ± | ratio to direct call | ± |\n|---|---:|---|---:|---:|---:|---:|\n");
        for (DispatchScore s : scores) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f | %.2f | %.3f | %.3f |%n", s.kind(), s.callsPerOp(), s.design().label,
                    s.nsPerCall(), s.errorNs(), s.ratio(), s.ratioError()));
        }
        return sb.toString();
    }
}
