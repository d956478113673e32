package io.kflab.bench;

import io.kflab.catalog.Catalog;
import io.kflab.catalog.CatalogQueries;
import io.kflab.catalog.CatalogSources;
import io.kflab.catalog.ProgressOpener;
import io.kflab.catalog.corpus.Corpus;
import io.kflab.catalog.matrix.Matrix;
import io.kflab.catalog.scan.TreeScanner;
import io.kflab.catalog.source.SourceCatalog;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * The kfunc catalog: building the catalog of a whole kernel tree (scan + interpretation; target
 * ≤ 20 s for 6.12) and a full callability-matrix query on the running kernel's catalog (target
 * ≤ 10 ms). The tree is the cached corpus of {@code release} or {@code -Dkflab.kernelSrc=PATH}
 * (e.g. a fully unpacked tree); run {@code kflab corpus fetch linux-6.12} first.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogBench {
    @Param({"linux-6.12"})
    public String release;

    private Path tree;
    private CatalogQueries running;

    @Setup(Level.Trial)
    public void locate() {
        String src = System.getProperty("kflab.kernelSrc");
        tree = Corpus.path(release, src == null ? null : Path.of(src));
        Catalog c = new CatalogSources(ProgressOpener.QUIET).running();
        running = new CatalogQueries(c);
    }

    /** Scan the tree and turn the declarations into a catalog. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Catalog buildTreeCatalog() {
        return SourceCatalog.from(TreeScanner.scan(tree, ProgressOpener.QUIET), release, "6.12").catalog();
    }

    /** Every kfunc x every default context of the running kernel's catalog, with reasons. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Matrix matrixQuery() {
        return running.matrix();
    }
}
