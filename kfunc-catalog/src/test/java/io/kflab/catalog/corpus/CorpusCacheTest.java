package io.kflab.catalog.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.ProgressOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusCacheTest {
    private static final KernelRelease R = KernelRelease.of("linux-9.9");

    @TempDir
    Path cache;

    private Path deb(Path dir) throws IOException {
        Files.createDirectories(dir);
        return FakeDeb.write(dir.resolve("linux-source-9.9_9.9.1-1_all.deb"), "9.9", Map.of(
                "include/linux/btf.h", "#define KF_ACQUIRE (1 << 0)\n",
                "kernel/bpf/helpers.c", "BTF_ID_FLAGS(func, a)\n",
                "net/core/filter.c", "__bpf_kfunc int f(void);\n",
                "net/core/dev.c", "int dev;\n",
                "fs/verity/measure.c", "register_btf_kfunc_id_set(BPF_PROG_TYPE_LSM, &s);\n",
                "arch/x86/kernel/bpf.c", "BTF_ID_FLAGS(func, b)\n",
                "tools/testing/selftests/bpf/progs/verifier_and.c", "SEC(\"x\")\n",
                "Makefile", "VERSION = 9\n"));
    }

    @Test
    void extractsOnlyTheSelectionAndMarksTheTree() throws Exception {
        CorpusCache c = new CorpusCache(cache);
        deb(c.debs());
        assertThat(c.tree(R)).isEmpty();
        Path tree = c.fetch(R, ProgressOpener.QUIET);
        assertThat(tree).isEqualTo(c.treeDir(R));
        try (Stream<Path> files = Files.walk(tree)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> tree.relativize(p).toString()))
                    .containsExactlyInAnyOrder(CorpusCache.MARKER, "include/linux/btf.h", "kernel/bpf/helpers.c",
                            "net/core/filter.c", "fs/verity/measure.c",
                            "tools/testing/selftests/bpf/progs/verifier_and.c");
        }
        assertThat(Files.readString(tree.resolve("kernel/bpf/helpers.c"))).isEqualTo("BTF_ID_FLAGS(func, a)\n");
        assertThat(Files.readString(tree.resolve(CorpusCache.MARKER))).contains("files=5", "release=linux-9.9");
        assertThat(c.tree(R)).contains(tree);
        assertThat(c.fetch(R, ProgressOpener.QUIET)).isEqualTo(tree); // cached: no second extraction
        assertThat(leftovers(c)).isEmpty();
    }

    @Test
    void aBrokenDebLeavesNoTreeAndNoScratch() throws Exception {
        CorpusCache c = new CorpusCache(cache);
        Path deb = deb(c.debs());
        byte[] b = Files.readAllBytes(deb);
        Files.write(deb, Arrays.copyOf(b, b.length * 2 / 3));
        assertThatThrownBy(() -> c.fetch(R, ProgressOpener.QUIET)).isInstanceOfAny(IOException.class,
                RuntimeException.class);
        assertThat(c.tree(R)).isEmpty();
        assertThat(Files.exists(c.treeDir(R))).isFalse();
        assertThat(leftovers(c)).isEmpty();
    }

    @Test
    void aTreeWithoutMarkerIsIncompleteAndReplaced() throws Exception {
        CorpusCache c = new CorpusCache(cache);
        deb(c.debs());
        Files.createDirectories(c.treeDir(R).resolve("kernel"));
        Files.writeString(c.treeDir(R).resolve("kernel/half.c"), "x");
        assertThat(c.tree(R)).isEmpty();
        Path tree = c.fetch(R, ProgressOpener.QUIET);
        assertThat(tree.resolve("kernel/half.c")).doesNotExist();
        assertThat(tree.resolve("kernel/bpf/helpers.c")).exists();
    }

    @Test
    void releaseNames() {
        assertThat(KernelRelease.of("linux-6.12").debianPackage()).isEqualTo("linux-source-6.12");
        assertThat(KernelRelease.of("linux-6.1").tarballPath()).isEqualTo("usr/src/linux-source-6.1.tar.xz");
        assertThatThrownBy(() -> KernelRelease.of("6.12")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> KernelRelease.of("linux-6.12; rm -rf /")).isInstanceOf(BadInputException.class);
    }

    @Test
    void missingTreeNamesTheFetchCommandAndUserTreesAreTakenAsIs() {
        if (Corpus.cacheDir().resolve("corpus/linux-1.0").toFile().exists()) return;
        assertThatThrownBy(() -> Corpus.path("linux-1.0")).isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).oneLine())
                        .contains("kflab corpus fetch linux-1.0").doesNotContain("\n"));
        assertThat(Corpus.path("linux-1.0", cache)).isEqualTo(cache);
        assertThatThrownBy(() -> Corpus.path("linux-1.0", cache.resolve("nope")))
                .isInstanceOf(BadInputException.class);
    }

    private static java.util.List<String> leftovers(CorpusCache c) throws IOException {
        try (Stream<Path> s = Files.list(c.debs().getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".partial-")).toList();
        }
    }
}
