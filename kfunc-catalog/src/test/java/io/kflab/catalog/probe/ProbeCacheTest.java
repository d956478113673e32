package io.kflab.catalog.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.sys.ProgType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCacheTest {
    static ProbeResult sample(String buildId, int formatVersion) {
        List<ProbeContext> contexts = List.of(
                ProbeContext.of("socket_filter", ProgType.SOCKET_FILTER),
                ProbeContext.of("syscall", ProgType.SYSCALL).withSleepableVariant("syscall.s"),
                ProbeContext.of("syscall.s", ProgType.SYSCALL).flags(io.kflab.bpf.sys.ProgLoad.BPF_F_SLEEPABLE));
        List<String> kfuncs = List.of("bpf_rcu_read_lock", "bpf_copy_from_user_str");
        List<ProbeCell> cells = List.of(
                new ProbeCell("bpf_rcu_read_lock", "socket_filter", Verdict.ALLOW, "EINVAL", "rcu_read_lock is missing"),
                new ProbeCell("bpf_rcu_read_lock", "syscall", Verdict.SETUP_ERROR, "EINVAL", "Syscall programs can only be sleepable"),
                new ProbeCell("bpf_rcu_read_lock", "syscall.s", Verdict.ALLOW, "", ""),
                new ProbeCell("bpf_copy_from_user_str", "socket_filter", Verdict.DENY, "EACCES", "calling kernel function bpf_copy_from_user_str is not allowed"),
                new ProbeCell("bpf_copy_from_user_str", "syscall", Verdict.SETUP_ERROR, "EINVAL", "Syscall programs can only be sleepable"),
                new ProbeCell("bpf_copy_from_user_str", "syscall.s", Verdict.ALLOW, "EINVAL", "R1 type=ctx expected=fp"));
        return new ProbeResult(formatVersion, "6.18.44", buildId, contexts, kfuncs, cells, 7, 12, "2025-01-01T00:00:00Z");
    }

    @Test
    void roundTripsThroughTheDirectory(@TempDir Path dir) {
        ProbeCache cache = new ProbeCache(dir.resolve("probe"));
        ProbeResult r = sample("abc123", ProbeResult.FORMAT_VERSION);
        Path f = cache.store(r);
        assertThat(f).isEqualTo(dir.resolve("probe").resolve("abc123.json")).isRegularFile();
        assertThat(cache.load("abc123")).contains(r);
        assertThat(cache.load("other")).isEmpty();
    }

    @Test
    void staleFormatIsAMiss(@TempDir Path dir) {
        ProbeCache cache = new ProbeCache(dir);
        cache.store(sample("abc", ProbeResult.FORMAT_VERSION + 1));
        assertThat(cache.load("abc")).isEmpty();
    }

    @Test
    void corruptFileIsAMiss(@TempDir Path dir) throws Exception {
        ProbeCache cache = new ProbeCache(dir);
        Files.writeString(dir.resolve("abc.json"), "{not json");
        assertThat(cache.load("abc")).isEmpty();
    }

    @Test
    void buildIdsCannotEscapeTheDirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> new ProbeCache(dir).file("../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultCacheEndsInProbe() {
        assertThat(ProbeCache.defaultCache().dir().getFileName().toString()).isEqualTo("probe");
    }

    @Test
    void resultQueries() {
        ProbeResult r = sample("x", ProbeResult.FORMAT_VERSION);
        assertThat(r.allowCounts()).containsExactly(
                java.util.Map.entry("socket_filter", 1), java.util.Map.entry("syscall", 0), java.util.Map.entry("syscall.s", 2));
        assertThat(r.allowedIn("bpf_copy_from_user_str")).containsExactly("syscall.s");
        assertThat(r.setupErrors()).containsExactly("syscall");
        assertThat(r.verdict("bpf_copy_from_user_str", "socket_filter")).isEqualTo(Verdict.DENY);
        assertThatThrownBy(() -> r.cell("nope", "syscall")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeResult(1, "r", "b", r.contexts(), r.kfuncs(), r.cells().subList(0, 5), 0, 0, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
