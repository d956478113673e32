package io.kflab.sim.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The plots of {@code kflab sim run --plot DIR} and {@code kflab sim compare --plot DIR}. */
public final class SimPlots {
    private SimPlots() {}

    /** Run-queue latency CDF, one line per scheduler (x: µs, log scale; y: fraction of wakeups). */
    public static Path latencyCdf(Path dir, Map<String, double[]> sortedUsByScheduler) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title("Run-queue latency CDF")
                .xAxisTitle("latency (us)").yAxisTitle("fraction of switches-in").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (var e : sortedUsByScheduler.entrySet()) {
            double[] s = e.getValue();
            if (s.length == 0) continue;
            int points = Math.min(s.length, 400);
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                int idx = (int) ((long) i * (s.length - 1) / Math.max(1, points - 1));
                xs.add(Math.max(s[idx], 0.01));
                ys.add((idx + 1) / (double) s.length);
            }
            XYSeries series = chart.addSeries(e.getKey(), xs, ys);
            series.setMarker(SeriesMarkers.NONE);
        }
        return save(chart, dir.resolve("latency-cdf.png"));
    }

    /** Busy fraction per CPU. */
    public static Path utilisation(Path dir, String title, List<Double> perCpu) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(400).title(title)
                .xAxisTitle("CPU").yAxisTitle("busy fraction").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setLegendVisible(false);
        List<Integer> cpus = new ArrayList<>();
        for (int i = 0; i < perCpu.size(); i++) cpus.add(i);
        chart.addSeries("utilisation", cpus, perCpu);
        return save(chart, dir.resolve("cpu-utilisation.png"));
    }

    private static Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) {
        try {
            Files.createDirectories(file.getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
