package io.kflab.bench;

import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.BpfException;
import io.kflab.catalog.corpus.Corpus;
import io.kflab.verifier.selftest.SelftestCase;
import io.kflab.verifier.selftest.SelftestImporter;
import io.kflab.verifier.stats.Prepared;
import io.kflab.verifier.stats.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Verification time, model against kernel, on the same corpus in the same run: every program of
 * the corpus verified once per operation — by the model ({@code Verifier.verify}, log level 0) and
 * by the running kernel (BPF_PROG_LOAD, log level 0, program closed at once). Corpora: 300
 * generated programs ({@code kflab diff}'s generator, seed 7) or the supported privileged selftests
 * of linux-6.12 (fetched on first use). Target: model/kernel ≤ 1.0. Per-program medians:
 * {@code kflab veristat}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VerifyBench {
    @Param({"generated", "selftests"})
    public String corpus;

    private final List<Prepared> programs = new ArrayList<>();

    @Setup(Level.Trial)
    public void prepare() {
        List<Subject> subjects = new ArrayList<>();
        if (corpus.equals("generated")) {
            subjects.addAll(Subject.generated(300, 7));
        } else {
            for (SelftestCase c : SelftestImporter.importTree(Corpus.fetch("linux-6.12", Progress::start)).supported()) {
                if (c.privileged()) subjects.add(Subject.of(c));
            }
        }
        for (Subject s : subjects) {
            try {
                programs.add(new Prepared(s));
            } catch (BpfException mapNotCreated) {
                // the kernel refuses the map (e.g. a type this build lacks): the program is left out on both sides
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        programs.forEach(Prepared::close);
        programs.clear();
    }

    @Benchmark
    public void model(Blackhole bh) {
        for (Prepared p : programs) bh.consume(p.verifyOnModel(0));
    }

    @Benchmark
    public void kernel(Blackhole bh) {
        for (Prepared p : programs) bh.consume(p.loadOnKernel(0));
    }
}
