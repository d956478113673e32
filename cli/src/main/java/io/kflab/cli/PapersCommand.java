package io.kflab.cli;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.papers.polymorphic.ClaimResult;
import io.kflab.papers.polymorphic.PolymorphicKfuncs;
import io.kflab.papers.tnum.TnumCgo22;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kflab papers}: reproduce published results and regenerate their RESULTS.md. */
@Command(name = "papers", description = "Reproduced papers: list them, or run one and regenerate papers/NAME/RESULTS.md.",
        subcommands = {PapersCommand.ListCmd.class, PapersCommand.Run.class})
final class PapersCommand implements Runnable {
    /** The papers kflab reproduces. */
    static final List<String> PAPERS = List.of(TnumCgo22.NAME, PolymorphicKfuncs.NAME);

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "The reproduced papers.")
    static final class ListCmd implements Runnable {
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) JsonMixin.print(w, PAPERS);
            else PAPERS.forEach(w::println);
        }
    }

    @Command(name = "run", description = "Run every experiment of paper NAME and write RESULTS.md beside the published numbers. Exit 1 when a number drifts.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "tnum-cgo22 or polymorphic-kfuncs-lsfmm24") String name;
        @Option(names = "--quick", description = "What CI runs: smaller widths (tnum-cgo22, about a minute); small simulations and in-process timing instead of JMH (polymorphic-kfuncs-lsfmm24, seconds).") boolean quick;
        @Option(names = "--out", paramLabel = "DIR", description = "Where RESULTS.md goes (default: papers/NAME in the kflab tree).") Path out;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            if (!PAPERS.contains(name)) throw new BadInputException(name, "no such paper; kflab reproduces: " + String.join(", ", PAPERS));
            Path dir = out != null ? out : Path.of(System.getProperty("kflab.home", "."), "papers", name);
            if (name.equals(PolymorphicKfuncs.NAME)) return polymorphic(dir);
            TnumCgo22.Report r = TnumCgo22.run(dir, !quick);
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("paper", name);
                m.put("results", r.results().toString());
                m.put("matches", r.matches());
                m.put("mismatches", r.mismatches());
                m.put("allSound", r.allSound());
                m.put("seconds", r.nanos() / 1e9);
                JsonMixin.print(w, m);
            } else {
                w.printf("%s: %d published figures reproduced, %d drifted; soundness %s; %.1f s%n", name, r.matches(),
                        r.mismatches(), r.allSound() ? "holds for every operation" : "VIOLATED", r.nanos() / 1e9);
                w.println("wrote " + r.results());
            }
            return r.ok() ? 0 : 1;
        }

        private int polymorphic(Path dir) {
            PolymorphicKfuncs.Report r;
            try {
                r = PolymorphicKfuncs.run(dir, !quick);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof org.openjdk.jmh.runner.RunnerException)) throw e;
                spec.commandLine().getErr().println("kflab: " + e.getMessage().lines().findFirst().orElse("JMH failed") + " (try again, or --quick)");
                return 1;
            }
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("paper", name);
                m.put("results", r.results().toString());
                m.put("claims", r.claims().stream().map(c -> Map.of("id", c.id(), "claim", c.title(), "holds", c.holds())).toList());
                m.put("timing", Map.of("source", r.timing().source(), "scores", r.timing().scores(), "targets", r.timing().targets()));
                m.put("seconds", r.nanos() / 1e9);
                JsonMixin.print(w, m);
            } else {
                for (ClaimResult c : r.claims()) w.printf("claim %d: %-75s %s%n", c.id(), c.title(), c.holds() ? "holds" : "DOES NOT HOLD");
                w.print(r.timing().markdown());
                w.printf("%s: %d of %d claims hold; %.1f s%n", name, r.holding(), r.claims().size(), r.nanos() / 1e9);
                w.println("wrote " + r.results() + " (and dispatch.png, dispatch.json beside it)");
            }
            return r.ok() ? 0 : 1;
        }
    }
}
