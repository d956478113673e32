package io.kflab.papers.tnum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CGO'22 tnum paper's reproduction: runs every experiment and writes RESULTS.md. */
public final class TnumCgo22 {
    private TnumCgo22() {}

    /** The paper's name under {@code papers/} and for {@code kflab papers run}. */
    public static final String NAME = "tnum-cgo22";

    /** What a run produced: the file written, every compared figure, and the wall time. */
    public record Report(Path results, List<Row> rows, List<SoundnessResult> soundness, long nanos) {
        public long mismatches() {
            return rows.stream().filter(r -> r.verdict() == Row.Verdict.MISMATCH).count();
        }

        public long matches() {
            return rows.stream().filter(r -> r.verdict() == Row.Verdict.MATCH).count();
        }

        public boolean allSound() {
            return soundness.stream().allMatch(SoundnessResult::sound);
        }

        /** Every published figure reproduced and every operation sound. */
        public boolean ok() {
            return mismatches() == 0 && allSound();
        }
    }

    /**
     * Runs the reproduction and writes {@code outDir/RESULTS.md}. {@code full=false} (CI) takes about
     * a minute on two cores (soundness at 7 bits, CGO'22 at 5-8 bits); {@code full=true} does soundness
     * at 8 bits and adds the 9-bit CGO'22 row (a few minutes).
     */
    public static Report run(Path outDir, boolean full) {
        return run(outDir, full ? Plan.full() : Plan.quick());
    }

    /** Runs the reproduction with explicit widths. */
    public static Report run(Path outDir, Plan plan) {
        long start = System.nanoTime();
        ResultsWriter out = new ResultsWriter(plan);
        List<Row> rows = new ArrayList<>();

        long t = System.nanoTime();
        List<Cgo22Precision.Result> cgo = new ArrayList<>();
        for (int bits : plan.cgo22Bits()) cgo.add(Cgo22Precision.compare(new Width(bits)));
        rows.addAll(out.cgo22(cgo, System.nanoTime() - t));

        t = System.nanoTime();
        List<Mul618Precision.Result> m618 = new ArrayList<>();
        for (int bits : plan.mul618Bits()) m618.add(Mul618Precision.compare(new Width(bits), bits <= plan.optimalMaxBits()));
        rows.addAll(out.mul618(m618, System.nanoTime() - t));

        rows.addAll(out.examples(WorkedExample.all()));

        t = System.nanoTime();
        List<SoundnessResult> sound = Soundness.all(new Width(plan.soundnessBits()));
        out.soundness(sound, System.nanoTime() - t);

        out.speed();
        long nanos = System.nanoTime() - start;
        Path file = outDir.resolve("RESULTS.md");
        try {
            Files.createDirectories(outDir);
            Files.writeString(file, out.finish(rows, sound, nanos));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Report(file, List.copyOf(rows), List.copyOf(sound), nanos);
    }
}
