package io.kflab.bpf.diag;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long work (corpus fetch, probes, campaigns, simulations). Quiet
 * when the environment sets KFLAB_NO_PROGRESS or when {@link #quiet} is used (tests, --json pipes).
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code total} steps ({@code unit} names them, e.g. "loads", "MiB"). */
    public static Progress start(String task, long total, String unit) {
        if (System.getenv("KFLAB_NO_PROGRESS") != null) return quiet();
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setMaxRenderedLength(100)
                .setEtaFunction(s -> java.util.Optional.empty())
                .continuousUpdate()
                .build();
        return new Progress(bar);
    }

    /** A bar that shows nothing. */
    public static Progress quiet() {
        return new Progress(null);
    }

    public void step() {
        if (bar != null) bar.step();
    }

    public void stepBy(long n) {
        if (bar != null) bar.stepBy(n);
    }

    public void stepTo(long n) {
        if (bar != null) bar.stepTo(n);
    }

    public void message(String extra) {
        if (bar != null) bar.setExtraMessage(extra);
    }

    public Duration elapsed() {
        return bar == null ? Duration.ZERO : bar.getTotalElapsed();
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
