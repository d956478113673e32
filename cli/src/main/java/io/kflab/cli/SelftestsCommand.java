package io.kflab.cli;

import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.catalog.corpus.Corpus;
import io.kflab.verifier.selftest.ImportReport;
import io.kflab.verifier.selftest.KernelVerdict;
import io.kflab.verifier.selftest.ModelRunner;
import io.kflab.verifier.selftest.SelftestCase;
import io.kflab.verifier.selftest.SelftestImporter;
import io.kflab.verifier.selftest.SelftestRunner;
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

/** {@code kflab selftests}: the kernel's own verifier selftests, run on kflab's model and on the running kernel. */
@Command(name = "selftests", description = "The kernel's verifier selftests (progs/verifier_*.c, verifier/*.c) on the model and the kernel.",
        subcommands = {SelftestsCommand.Run.class})
final class SelftestsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One test's outcome. */
    record TestRow(String id, String expected, String model, boolean modelAgrees, String modelMessage, String kernel,
            Boolean kernelAgrees) {}

    @Command(name = "run", description = "Import the selftests of a tree (default linux-6.12, fetched on first use) and run every supported test on the model; with --kernel also on the running kernel.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--kernel", description = "Also load every test into the running kernel.") boolean kernel;
        @Option(names = "--tree", paramLabel = "NAME|PATH", defaultValue = "linux-6.12", description = "linux-6.12 (default) or a kernel tree directory.") String tree;
        @Option(names = "--filter", paramLabel = "REGEX", description = "Only tests whose id (file/name) matches.") Pattern filter;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Path dir = Files.isDirectory(Path.of(tree)) ? Path.of(tree) : Corpus.fetch(tree, Progress::start);
            if (kernel) BpfCapability.require();
            ImportReport report = SelftestImporter.importTree(dir);
            List<SelftestCase> cases = report.supported().stream()
                    .filter(c -> filter == null || filter.matcher(c.id()).find()).toList();
            List<TestRow> rows = new ArrayList<>();
            long modelAgree = 0, modelVerdict = 0, kernelAgree = 0, kernelVerdict = 0, kernelRun = 0;
            try (Progress p = json.json() ? Progress.quiet() : Progress.start("selftests", cases.size(), "tests")) {
                for (SelftestCase c : cases) {
                    ModelRunner.ModelVerdict m = ModelRunner.run(c);
                    if (m.agrees()) modelAgree++;
                    if (m.verdictAgrees()) modelVerdict++;
                    String kv = null;
                    Boolean ka = null;
                    if (kernel) {
                        KernelVerdict k = SelftestRunner.runOnKernel(c);
                        if (k.accepted().isPresent()) {
                            kernelRun++;
                            kv = k.accepted().get() ? "accept" : "reject " + k.errno();
                            ka = k.agrees();
                            if (k.agrees()) kernelAgree++;
                            if (k.verdictAgrees()) kernelVerdict++;
                        }
                    }
                    rows.add(new TestRow(c.id(), c.expectSuccess() ? "accept" : "reject",
                            m.accepted() ? "accept" : "reject " + m.errno(), m.agrees(), m.message(), kv, ka));
                    p.step();
                }
            }
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("tree", dir.toString());
            totals.put("imported", report.cases().size());
            totals.put("supported", report.supported().size());
            totals.put("run", cases.size());
            totals.put("unsupportedByFeature", report.unsupportedByFeature());
            totals.put("modelAgreesWithExpected", modelAgree);
            totals.put("modelVerdictAgrees", modelVerdict);
            if (kernel) {
                totals.put("kernelRun", kernelRun);
                totals.put("kernelAgreesWithExpected", kernelAgree);
                totals.put("kernelVerdictAgrees", kernelVerdict);
            }
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                Map<String, Object> all = new LinkedHashMap<>(totals);
                all.put("tests", rows);
                JsonMixin.print(w, all);
                return 0;
            }
            w.printf("imported %d tests, %d supported (%.1f%%); ran %d%n", report.cases().size(), report.supported().size(),
                    100.0 * report.supported().size() / Math.max(1, report.cases().size()), cases.size());
            w.printf("model:  %d agree with the expected verdict and messages (%.1f%%), %d on the verdict%n", modelAgree,
                    100.0 * modelAgree / Math.max(1, cases.size()), modelVerdict);
            if (kernel) {
                w.printf("kernel: %d of %d agree with the expected verdict and messages (%.1f%%), %d on the verdict%n",
                        kernelAgree, kernelRun, 100.0 * kernelAgree / Math.max(1, kernelRun), kernelVerdict);
            }
            w.println("unsupported, by feature:");
            report.unsupportedByFeature().forEach((f, n) -> w.printf("  %5d  %s%n", n, f));
            return 0;
        }
    }
}
