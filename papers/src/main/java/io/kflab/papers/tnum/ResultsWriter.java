package io.kflab.papers.tnum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RESULTS.md of the tnum-cgo22 reproduction, section by section. */
final class ResultsWriter {
    private final Plan plan;
    private final StringBuilder body = new StringBuilder();

    ResultsWriter(Plan plan) {
        this.plan = plan;
    }

    List<Row> cgo22(List<Cgo22Precision.Result> results, long nanos) {
        List<Row> rows = new ArrayList<>();
        body.append("## 1. Multiplication precision: CGO'22 `our_mul` vs the pre-2021 kernel `kern_mul`\n\n");
        body.append("""
                Exhaustive over all ordered pairs (a, b) of n-bit tnums (3^n × 3^n pairs), both products computed
                64 bits wide and truncated to n bits. The paper's counting (learned from its artifact's history):
                `kern_mul(a, b)` against `our_mul(b, a)` — until Nov 2021 the artifact's `our_mul` took its
                operands swapped, and the algorithm is not commutative; a pair *differs* when the values differ
                **and** the masks differ; `our_mul` is better when its result has fewer unknown bits, otherwise
                `kern_mul` is counted better (ties included). kflab: `TnumMulHistory.beforeCgo22(a, b)` against
                `TnumMulHistory.cgo22(b, a)`.

                """);
        body.append("| width | pairs | differ (published) | differ (kflab) | our_mul better (published) | our_mul better (kflab) | % better | verdict |\n");
        body.append("|---|---|---|---|---|---|---|---|\n");
        for (Cgo22Precision.Result r : results) {
            Cgo22Precision.Counts c = r.paper();
            Optional<Published.Cgo22Row> p = row(Published.CGO22_PAPER, r.bits());
            String exp = "CGO'22 paper, " + r.bits() + "-bit";
            List<Row> here = p.isPresent()
                    ? List.of(Row.compare(exp, "differing pairs", p.get().differing(), c.differing()),
                            Row.compare(exp, "our_mul better", p.get().oursBetter(), c.oursBetter()))
                    : List.of(Row.kflab(exp, "differing pairs", Fmt.n(c.differing())));
            rows.addAll(here);
            body.append("| %d | %s | %s | %s | %s | %s | %s | %s |\n".formatted(r.bits(), Fmt.n(c.pairs()),
                    p.map(x -> Fmt.n(x.differing())).orElse("—"), Fmt.n(c.differing()),
                    p.map(x -> Fmt.n(x.oursBetter())).orElse("—"), Fmt.n(c.oursBetter()),
                    Fmt.pct(c.oursBetter(), c.differing()), verdict(here)));
        }
        body.append("""

                ### The artifact's own later table (Dec 2021)

                github.com/bpfverif/tnums-cgo22, `precision-increasing-bitwidth/5though10.txt`, after the operand
                order was fixed (`our_mul(a, b)`): same *differs* test; better/worse decided only among
                comparable results (one contains the other), by unknown bits; incomparable results counted apart.

                | width | differ (published) | differ (kflab) | our_mul better (published) | our_mul better (kflab) | kern_mul better (kflab) | incomparable (kflab) | verdict |
                |---|---|---|---|---|---|---|---|
                """);
        for (Cgo22Precision.Result r : results) {
            Cgo22Precision.Counts c = r.artifact2021();
            Optional<Published.Cgo22Row> p = row(Published.CGO22_ARTIFACT_2021, r.bits());
            String exp = "CGO'22 artifact Dec 2021, " + r.bits() + "-bit";
            List<Row> here = p.isPresent()
                    ? List.of(Row.compare(exp, "differing pairs", p.get().differing(), c.differing()),
                            Row.compare(exp, "our_mul better", p.get().oursBetter(), c.oursBetter()))
                    : List.of(Row.kflab(exp, "differing pairs", Fmt.n(c.differing())));
            rows.addAll(here);
            body.append("| %d | %s | %s | %s | %s | %s | %s | %s |\n".formatted(r.bits(),
                    p.map(x -> Fmt.n(x.differing())).orElse("—"), Fmt.n(c.differing()),
                    p.map(x -> Fmt.n(x.oursBetter())).orElse("—"), Fmt.n(c.oursBetter()),
                    Fmt.n(c.oldBetter()), Fmt.n(c.incomparable()), verdict(here)));
        }
        body.append("""

                ### kflab's strict count (nothing published)

                `our_mul(a, b)` vs `kern_mul(a, b)` at n bits: differ = not equal; better = strictly contained.

                | width | differ | our_mul strictly better | kern_mul strictly better | incomparable |
                |---|---|---|---|---|
                """);
        for (Cgo22Precision.Result r : results) {
            Cgo22Precision.Counts c = r.strict();
            body.append("| %d | %s | %s | %s | %s |\n".formatted(r.bits(), Fmt.n(c.differing()), Fmt.n(c.oursBetter()),
                    Fmt.n(c.oldBetter()), Fmt.n(c.incomparable())));
        }
        body.append("\nTook ").append(Fmt.secs(nanos)).append(".\n\n");
        return rows;
    }

    List<Row> mul618(List<Mul618Precision.Result> results, long nanos) {
        List<Row> rows = new ArrayList<>();
        body.append("## 2. Linux 6.18 `tnum_mul` vs the CGO'22 one\n\n");
        body.append("""
                Commit 1df7dad4d5c4 ("Improve the general precision of tnum_mul", Aug 2025). Exhaustive over all
                ordered pairs (a, b) of n-bit tnums, `Tnum.mul(a, b)` against `TnumMulHistory.cgo22(a, b)`, both
                64 bits wide and **not** truncated: equal → same; one contains the other → the contained one is
                better; incomparable → fewer unknown bits is better, a tie counts as same. Optimal = equal to the
                best tnum abstraction of the set of 64-bit products of members (computed by enumerating them).

                | width | pairs | quantity | published | kflab | verdict |
                |---|---|---|---|---|---|
                """);
        for (Mul618Precision.Result r : results) {
            boolean pub = r.bits() == Published.MUL618_BITS;
            String exp = "6.18 commit, " + r.bits() + "-bit";
            List<Row> here = new ArrayList<>();
            if (pub) {
                here.add(Row.compare(exp, "6.18 better", Published.MUL618_BETTER, r.better()));
                here.add(Row.compare(exp, "same", Published.MUL618_SAME, r.same()));
                here.add(Row.compare(exp, "6.18 worse", Published.MUL618_WORSE, r.worse()));
            } else {
                here.add(Row.kflab(exp, "6.18 better", Fmt.n(r.better())));
                here.add(Row.kflab(exp, "same", Fmt.n(r.same())));
                here.add(Row.kflab(exp, "6.18 worse", Fmt.n(r.worse())));
            }
            if (r.optimalComputed()) {
                long p618 = Math.round(100.0 * r.optimal618() / r.pairs());
                long pC22 = Math.round(100.0 * r.optimalCgo22() / r.pairs());
                if (pub) {
                    here.add(new Row(exp, "6.18 optimal", Published.MUL618_OPTIMAL_PERCENT + "%",
                            Fmt.n(r.optimal618()) + " (" + Fmt.pct(r.optimal618(), r.pairs()) + ")",
                            p618 == Published.MUL618_OPTIMAL_PERCENT ? Row.Verdict.MATCH : Row.Verdict.MISMATCH));
                    here.add(new Row(exp, "CGO'22 optimal", Published.CGO22_OPTIMAL_PERCENT + "%",
                            Fmt.n(r.optimalCgo22()) + " (" + Fmt.pct(r.optimalCgo22(), r.pairs()) + ")",
                            pC22 == Published.CGO22_OPTIMAL_PERCENT ? Row.Verdict.MATCH : Row.Verdict.MISMATCH));
                } else {
                    here.add(Row.kflab(exp, "6.18 optimal", Fmt.n(r.optimal618()) + " (" + Fmt.pct(r.optimal618(), r.pairs()) + ")"));
                    here.add(Row.kflab(exp, "CGO'22 optimal", Fmt.n(r.optimalCgo22()) + " (" + Fmt.pct(r.optimalCgo22(), r.pairs()) + ")"));
                }
            } else {
                here.add(Row.kflab(exp, "optimal", "not computed at this width in plan " + plan.name()));
            }
            for (Row x : here) {
                body.append("| %d | %s | %s | %s | %s | %s |\n".formatted(r.bits(), Fmt.n(r.pairs()), x.quantity(), x.published(),
                        x.reproduced(), x.verdict().text()));
            }
            rows.addAll(here);
        }
        body.append("\nThe published optimal rates are whole percents; kflab's match when they round to them.\n\n");
        body.append("Raw breakdown (kflab):\n\n| width | equal | 6.18 better by containment | 6.18 worse by containment | incomparable: 6.18 fewer unknowns / more / tie |\n|---|---|---|---|---|\n");
        for (Mul618Precision.Result r : results) {
            body.append("| %d | %s | %s | %s | %s / %s / %s |\n".formatted(r.bits(), Fmt.n(r.equal()), Fmt.n(r.betterBySubset()),
                    Fmt.n(r.worseBySubset()), Fmt.n(r.incomparableBetter()), Fmt.n(r.incomparableWorse()), Fmt.n(r.incomparableTie())));
        }
        body.append("\nTook ").append(Fmt.secs(nanos)).append(".\n\n");
        return rows;
    }

    List<Row> examples(List<WorkedExample> examples) {
        List<Row> rows = new ArrayList<>();
        body.append("## 3. Worked examples\n\n`[value; mask]` as the verifier prints `var_off`; operands are (dst, src).\n\n");
        body.append("| source | algorithm | a × b | published | kflab | verdict |\n|---|---|---|---|---|---|\n");
        for (WorkedExample e : examples) {
            Row r = new Row("worked example (" + e.source() + ")", e.algorithm() + " " + e.a() + " × " + e.b(), e.published().toString(),
                    e.reproduced().toString(), e.matches() ? Row.Verdict.MATCH : Row.Verdict.MISMATCH);
            rows.add(r);
            body.append("| %s | %s | %s × %s | %s | %s | %s |\n".formatted(e.source(), e.algorithm(), e.a(), e.b(), r.published(),
                    r.reproduced(), r.verdict().text()));
        }
        body.append('\n');
        return rows;
    }

    void soundness(List<SoundnessResult> results, long nanos) {
        body.append("## 4. Soundness, exhaustive at ").append(plan.soundnessBits()).append(" bits\n\n");
        body.append("""
                The paper proves 64-bit soundness with Z3 (and multiplication at 8 bits); kflab checks its own
                transfer functions exhaustively at n bits: for every n-bit operand tnum (pair), every member
                (pair) and, for shifts, every amount k < n, the concrete result truncated to n bits is in the
                abstract result truncated to n bits. arsh at width n sign-extends operand and tnum from bit n-1.
                The 64-bit case is checked by jqwik properties in the tests.

                | operation | abstract cases | concrete cases | violations | verdict |
                |---|---|---|---|---|
                """);
        for (SoundnessResult r : results) {
            body.append("| %s | %s | %s | %s | %s |\n".formatted(r.op(), Fmt.n(r.abstractCases()), Fmt.n(r.concreteCases()),
                    Fmt.n(r.violations()), r.sound() ? "sound" : "UNSOUND: " + r.firstViolation()));
        }
        body.append("\nTook ").append(Fmt.secs(nanos)).append(".\n\n");
    }

    void speed() {
        body.append("""
                ## 5. Speed

                Published: %s. Measured by JMH, not by this runner: `./kflab bench TnumMul`
                (`io.kflab.bench.TnumMulBench`, random 64-bit tnums); the last measured ratio is in README.md.

                """.formatted(Published.SPEED_CLAIM));
    }

    String finish(List<Row> rows, List<SoundnessResult> sound, long nanos) {
        long match = rows.stream().filter(r -> r.verdict() == Row.Verdict.MATCH).count();
        long mismatch = rows.stream().filter(r -> r.verdict() == Row.Verdict.MISMATCH).count();
        long unsound = sound.stream().filter(s -> !s.sound()).count();
        StringBuilder head = new StringBuilder();
        head.append("# tnum-cgo22 — results\n\n");
        head.append("""
                Reproduction of Vishwanathan, Shachnai, Narayana, Nagarakatte, "Sound, Precise, and Fast Abstract
                Interpretation with Tristate Numbers" (CGO 2022, arXiv 2105.05398) and of the figures of the
                Linux 6.18 `tnum_mul` commit, with kflab's own tnum code (`io.kflab.verifier.tnum`). Generated by
                `TnumCgo22.run` (`kflab papers run tnum-cgo22`), plan `%s`: soundness at %d bits, CGO'22 precision
                at %s bits, 6.18 vs CGO'22 at %s bits, optimality up to %d bits. Exhaustive counts must equal the
                published ones exactly. Took %s on %d processors.

                **Summary:** %d published figures reproduced exactly, %d mismatched; %d of %d operations unsound.

                """.formatted(plan.name(), plan.soundnessBits(), plan.cgo22Bits(), plan.mul618Bits(), plan.optimalMaxBits(),
                Fmt.secs(nanos), Runtime.getRuntime().availableProcessors(), match, mismatch, unsound, sound.size()));
        return head + body.toString();
    }

    private static Optional<Published.Cgo22Row> row(List<Published.Cgo22Row> table, int bits) {
        return table.stream().filter(r -> r.bits() == bits).findFirst();
    }

    private static String verdict(List<Row> rows) {
        if (rows.stream().anyMatch(r -> r.verdict() == Row.Verdict.MISMATCH)) return Row.Verdict.MISMATCH.text();
        if (rows.stream().allMatch(r -> r.verdict() == Row.Verdict.MATCH)) return Row.Verdict.MATCH.text();
        return Row.Verdict.KFLAB.text();
    }
}
