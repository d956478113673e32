package io.kflab.catalog.scan;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kflab.catalog.ProgressOpener;
import io.kflab.catalog.corpus.Corpus;
import io.kflab.catalog.corpus.CorpusCache;
import io.kflab.catalog.corpus.KernelRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real kernel trees for tests: from the kflab cache, fetched once (apt-get, root) when missing. */
final class KernelTrees {
    private static final Map<String, Path> TREES = new ConcurrentHashMap<>();

    private KernelTrees() {}

    static synchronized Path get(String release) {
        return TREES.computeIfAbsent(release, r -> {
            CorpusCache cache = new CorpusCache(Corpus.cacheDir());
            var cached = cache.tree(KernelRelease.of(r));
            if (cached.isPresent()) return cached.get();
            boolean apt = Files.isExecutable(Path.of("/usr/bin/apt-get"));
            assumeTrue(apt, "apt-get is not available to download linux-source for " + r);
            assumeTrue("root".equals(System.getProperty("user.name")),
                    "not root: apt-get may need to update its package lists to fetch " + r);
            long t0 = System.nanoTime();
            Path tree = Corpus.fetch(r, ProgressOpener.QUIET);
            System.out.printf("fetched %s in %.1f s%n", r, (System.nanoTime() - t0) / 1e9);
            return tree;
        });
    }
}
