package io.kflab.cli;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.BpfException;
import io.kflab.catalog.corpus.Corpus;
import io.kflab.verifier.selftest.SelftestCase;
import io.kflab.verifier.selftest.SelftestImporter;
import io.kflab.verifier.stats.Comparison;
import io.kflab.verifier.stats.Prepared;
import io.kflab.verifier.stats.Subject;
import io.kflab.verifier.stats.VeriStat;
import io.kflab.verifier.stats.VeriStatSummary;
import io.kflab.verifier.stats.VeriStatTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kflab veristat}: verification statistics of the model next to the running kernel's, per program. */
@Command(name = "veristat", description = "Verify a corpus (generated programs, and with --selftests the supported kernel selftests) "
        + "with the running kernel and with the model; print verdict, verification time, insns and states side by side, like veristat -C.")
final class VeristatCommand implements Callable<Integer> {
    @Option(names = "--generated", paramLabel = "N", defaultValue = "200", description = "Generated programs (kflab diff's generator; default ${DEFAULT-VALUE}).") int generated;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Generator seed (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--selftests", description = "Also the supported privileged selftests of --tree.") boolean selftests;
    @Option(names = "--tree", paramLabel = "NAME|PATH", defaultValue = "linux-6.12", description = "Selftest tree: linux-6.12 (default) or a directory.") String tree;
    @Option(names = "--filter", paramLabel = "REGEX", description = "Only programs whose name matches.") Pattern filter;
    @Option(names = "--reps", paramLabel = "R", defaultValue = "5", description = "Verifications per program and side; times are medians (default ${DEFAULT-VALUE}).") int reps;
    @Option(names = "--rows", description = "Print one row per program (default: the summary only).") boolean rows;
    @Mixin JsonMixin json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (generated < 0) throw new BadInputException("--generated " + generated, "expected 0 or more programs");
        if (reps < 1) throw new BadInputException("--reps " + reps, "expected at least 1 repetition");
        BpfCapability.require();
        List<Subject> subjects = new ArrayList<>(Subject.generated(generated, seed));
        if (selftests) {
            Path dir = Files.isDirectory(Path.of(tree)) ? Path.of(tree) : Corpus.fetch(tree, Progress::start);
            for (SelftestCase c : SelftestImporter.importTree(dir).supported()) {
                if (c.privileged()) subjects.add(Subject.of(c));
            }
        }
        if (filter != null) subjects.removeIf(s -> !filter.matcher(s.name()).find());
        if (subjects.isEmpty()) throw new BadInputException("--filter " + filter, "expected a filter matching at least one program");
        List<Comparison> cs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Progress p = json.json() ? Progress.quiet() : Progress.start("veristat", subjects.size(), "programs")) {
            for (Subject s : subjects) {
                try {
                    cs.addAll(VeriStat.compare(List.of(s), reps, Progress.quiet()));
                } catch (BpfException e) {
                    skipped.add(s.name() + ": " + e.getMessage());
                }
                p.step();
            }
        }
        VeriStatSummary sum = VeriStatSummary.of(cs);
        PrintWriter w = spec.commandLine().getOut();
        if (json.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("summary", sum);
            m.put("skipped", skipped);
            m.put("programs", cs);
            JsonMixin.print(w, m);
        } else {
            String table = VeriStatTable.render(cs, sum);
            if (rows) w.print(table);
            else w.print(table.lines().skip(table.lines().count() - 1).findFirst().orElse("") + "\n");
            if (!skipped.isEmpty()) w.printf("%d programs skipped (their maps could not be created)%n", skipped.size());
            w.flush();
        }
        return 0;
    }
}
