package io.kflab.cli;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.diff.DiffReport;
import io.kflab.verifier.diff.Differential;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.kflab.sim.runtime.diff.RunDiffReport;
import io.kflab.sim.runtime.diff.RunDifferential;
import io.kflab.sim.runtime.diff.RunProgramGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kflab diff}: the verifier model against the running kernel on generated programs. */
@Command(name = "diff", description = "Generate programs, verify each with the model and the running kernel, count agreement; every disagreement is written as a minimised reproducer. "
        + "With --run: generate programs the kernel accepts, run each with BPF_PROG_TEST_RUN and in kflab's runtime, compare return value, data out and maps.")
final class DiffCommand implements Callable<Integer> {
    @Option(names = "--random", required = true, paramLabel = "N", description = "How many programs.") int programs;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}); the same seed gives the same programs.") long seed;
    @Option(names = "--type", paramLabel = "TYPE", converter = Converters.ProgTypeConverter.class,
            description = "Program type (verifier: socket_filter, the default; --run: socket_filter, sched_cls, xdp or syscall, default all four in turn).") ProgType type;
    @Option(names = "--run", description = "Compare execution (kflab's runtime against BPF_PROG_TEST_RUN) instead of verdicts.") boolean run;
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interp",
            description = "With --run: the runtime's engine, interp, compiled or all (each must match the kernel) (default ${DEFAULT-VALUE}).") String engine;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "diff-reproducers", description = "Where reproducers go (default ${DEFAULT-VALUE}).") Path out;
    @Mixin JsonMixin json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (programs < 1) throw new BadInputException("--random " + programs, "expected at least 1 program");
        if (run) return runDiff();
        if (type == null) type = ProgType.SOCKET_FILTER;
        if (type != ProgType.SOCKET_FILTER) {
            throw new BadInputException("--type " + type.cliName(), "the program generator makes socket_filter programs only (so far)");
        }
        DiffReport r;
        try (Progress p = json.json() ? Progress.quiet() : Progress.start("diff", programs, "programs")) {
            r = Differential.run(programs, seed, out, p);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", r.total());
            m.put("agree", r.agree());
            m.put("modelAcceptKernelReject", r.modelAcceptKernelReject());
            m.put("modelRejectKernelAccept", r.modelRejectKernelAccept());
            m.put("sameErrno", r.sameErrno());
            m.put("sameMessage", r.sameMessage());
            m.put("bothReject", r.bothReject());
            m.put("kernelAccept", r.kernelAccept());
            m.put("withCalls", r.withCalls());
            m.put("withCallsAgree", r.withCallsAgree());
            m.put("reproducers", r.reproducers());
            JsonMixin.print(w, m);
        } else {
            w.printf("%d programs (seed %d): %d agree (%.2f%%); model accepts what the kernel rejects: %d; model rejects what the kernel accepts: %d%n",
                    r.total(), seed, r.agree(), 100.0 * r.agree() / r.total(), r.modelAcceptKernelReject(), r.modelRejectKernelAccept());
            w.printf("both reject: %d, with the same errno %d and the same message %d; the kernel accepted %d%n",
                    r.bothReject(), r.sameErrno(), r.sameMessage(), r.kernelAccept());
            w.printf("with bpf-to-bpf calls: %d, of which %d agree%n", r.withCalls(), r.withCallsAgree());
            r.reproducers().forEach(f -> w.println("reproducer: " + f));
        }
        return r.modelAcceptKernelReject() == 0 ? 0 : 1;
    }

    private Map<String, java.util.function.Function<io.kflab.sim.runtime.BpfRuntime, io.kflab.sim.runtime.Engine>> engines() {
        Map<String, java.util.function.Function<io.kflab.sim.runtime.BpfRuntime, io.kflab.sim.runtime.Engine>> all = new LinkedHashMap<>();
        all.put("interp", io.kflab.sim.runtime.interp.Interpreter::new);
        all.put("compiled", io.kflab.sim.runtime.compiled.CompiledEngine::new);
        if (engine.equals("all")) return all;
        if (!all.containsKey(engine)) throw new BadInputException("--engine " + engine, "expected interp, compiled or all");
        return Map.of(engine, all.get(engine));
    }

    private int runDiff() {
        List<ProgType> types = RunProgramGenerator.TYPES;
        if (type != null) {
            if (!types.contains(type)) {
                throw new BadInputException("--type " + type.cliName(), "--run generates socket_filter, sched_cls, xdp and syscall programs");
            }
            types = List.of(type);
        }
        RunDiffReport r;
        try (Progress p = json.json() ? Progress.quiet() : Progress.start("diff --run", programs, "programs")) {
            r = RunDifferential.run(programs, seed, types, out, p, engines());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", r.total());
            m.put("sameResult", r.sameResult());
            m.put("differentResult", r.differentResult());
            m.put("kernelRejected", r.kernelRejected());
            m.put("runtimeFaults", r.faults());
            m.put("reproducers", r.reproducers());
            m.put("rejections", r.rejections());
            JsonMixin.print(w, m);
        } else {
            int ran = r.sameResult() + r.differentResult();
            w.printf("%d programs (seed %d): the kernel ran %d; same result %d (%.2f%%), different %d (runtime faults %d); kernel rejected %d%n",
                    r.total(), seed, ran, r.sameResult(), ran == 0 ? 100.0 : 100.0 * r.sameResult() / ran, r.differentResult(), r.faults(), r.kernelRejected());
            r.reproducers().forEach(f -> w.println("reproducer: " + f));
        }
        return r.differentResult() == 0 ? 0 : 1;
    }
}
