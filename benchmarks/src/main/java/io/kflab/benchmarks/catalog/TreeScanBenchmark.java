package io.kflab.benchmarks.catalog;

import io.kflab.catalog.ProgressOpener;
import io.kflab.catalog.corpus.Corpus;
import io.kflab.catalog.scan.ScanResult;
import io.kflab.catalog.scan.TreeScanner;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * kfunc scan of a whole kernel tree (target: well under 20 s for 6.12). The tree is the cached
 * corpus of {@code release}, or {@code -Dkflab.kernelSrc=PATH} (e.g. a full unpacked tree).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class TreeScanBenchmark {
    @Param({"linux-6.12"})
    public String release;

    private Path tree;

    @Setup(Level.Trial)
    public void locate() {
        String src = System.getProperty("kflab.kernelSrc");
        tree = Corpus.path(release, src == null ? null : Path.of(src));
    }

    @Benchmark
    public ScanResult scanTree() {
        return TreeScanner.scan(tree, ProgressOpener.QUIET);
    }
}
