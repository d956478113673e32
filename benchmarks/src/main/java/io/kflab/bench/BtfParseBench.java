package io.kflab.bench;

import io.kflab.bpf.btf.Btf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Parsing the running kernel's BTF (/sys/kernel/btf/vmlinux): kflab's reader next to
 * {@code bpftool btf dump file} timed in the same run. Target: parse ≤ 100 ms on a warm JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BtfParseBench {
    /** The file both sides read; overridable for other kernels' BTF. */
    @Param({"/sys/kernel/btf/vmlinux"})
    public String file;

    private byte[] bytes;

    @Setup
    public void read() throws IOException {
        bytes = Files.readAllBytes(Path.of(file));
    }

    /** kflab: bytes to a queryable Btf (types decoded lazily). */
    @Benchmark
    public Btf parse() {
        return Btf.parse(bytes, "vmlinux");
    }

    /** kflab: parse, then what `btf kfuncs` needs: the decl-tag index and a name lookup. */
    @Benchmark
    public int parseAndFindKfuncs() {
        Btf btf = Btf.parse(bytes, "vmlinux");
        return btf.kfuncs().size() + btf.findByName("task_struct").orElse(0);
    }

    /** bpftool: the whole dump, output discarded (includes its process start). */
    @Benchmark
    public int bpftoolDump() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Tools.bpftool(), "btf", "dump", "file", file)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor();
    }
}
