package io.kflab.cli;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.Progress;
import io.kflab.sim.plot.SimPlots;
import io.kflab.sim.scenario.Durations;
import io.kflab.sim.scenario.Scenario;
import io.kflab.sim.scenario.ScenarioFile;
import io.kflab.sim.scenario.Schedulers;
import io.kflab.sim.scenario.SimResult;
import io.kflab.sim.scenario.Simulation;
import io.kflab.sim.workload.WorkloadKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** {@code kflab sim}: the simulated kernel. */
@Command(name = "sim", description = "The simulated kernel: run schedulers on synthetic workloads without a sched_ext kernel.",
        subcommands = {SimCommand.Run.class, SimCommand.Compare.class, SimCommand.SchedulerList.class})
final class SimCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options that make or override a scenario. */
    static final class ScenarioOptions {
        @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "A scenario file (YAML, docs/sim.md); options below override it.") Path file;
        @Option(names = "--workload", paramLabel = "NAME", description = "cpu, io, mixed, bursty or short.") String workload;
        @Option(names = "--cpus", paramLabel = "N") Integer cpus;
        @Option(names = "--tasks", paramLabel = "N") Integer tasks;
        @Option(names = "--duration", paramLabel = "D", description = "Virtual time, e.g. 2s, 500ms.") String duration;
        @Option(names = "--seed", paramLabel = "S") Long seed;
        @Option(names = "--weighted", description = "Task weights of nice -5..5 instead of all nice 0.") Boolean weighted;
        @Option(names = "--design", paramLabel = "D", description = "Kfunc resolution design for BPF schedulers: RUNTIME_MASK, LOAD_FILTER, POLYMORPHIC.") String design;

        Scenario scenario(String scheduler) {
            Scenario base = file != null ? ScenarioFile.load(file) : ScenarioFile.parse("", "command line");
            WorkloadKind kind = base.workload();
            if (workload != null) {
                kind = WorkloadKind.byName(workload);
                if (kind == null) throw new BadInputException("--workload " + workload, "expected one of " + WorkloadKind.names());
            }
            long d = base.durationNs();
            if (duration != null) {
                d = Durations.parseNs(duration);
                if (d < 0) throw new BadInputException("--duration " + duration, "expected a duration such as 2s, 500ms or 100us");
            }
            int c = cpus != null ? cpus : base.cpus();
            if (c < 1 || c > 4096) throw new BadInputException("--cpus " + c, "expected 1..4096 CPUs");
            int t = tasks != null ? tasks : base.tasks();
            if (t < 0 || t > 1_000_000) throw new BadInputException("--tasks " + t, "expected 0..1000000 tasks");
            String s = scheduler != null ? scheduler : base.scheduler();
            Schedulers.get(s, "--scheduler " + s);
            String dz = design != null ? design : base.design();
            if (!List.of("RUNTIME_MASK", "LOAD_FILTER", "POLYMORPHIC").contains(dz)) {
                throw new BadInputException("--design " + dz, "expected RUNTIME_MASK, LOAD_FILTER or POLYMORPHIC");
            }
            return new Scenario(base.name(), c, d, seed != null ? seed : base.seed(), s, kind, t,
                    weighted != null ? weighted : base.weighted(), dz);
        }
    }

    @Command(name = "run", description = "Run one scenario: tasks created, completed and lost, ejection, run-queue latency, fairness, switches.")
    static final class Run implements Callable<Integer> {
        @Mixin ScenarioOptions opts;
        @Option(names = "--scheduler", paramLabel = "NAME", description = "A scheduler of `kflab sim schedulers` (default: the scenario's, else fair).") String scheduler;
        @Option(names = "--plot", paramLabel = "DIR", description = "Write latency-cdf.png and cpu-utilisation.png there.") Path plot;
        @Option(names = "--trace", paramLabel = "TOOL", description = "Attach a tracing tool to the sched tracepoints: runqslower.") String trace;
        @Option(names = "--min-us", paramLabel = "US", defaultValue = "10000", description = "runqslower's threshold (default ${DEFAULT-VALUE}).") long minUs;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Scenario s = opts.scenario(scheduler);
            if (trace != null && !trace.equals("runqslower")) throw new BadInputException("--trace " + trace, "expected runqslower");
            if (minUs < 0) throw new BadInputException("--min-us " + minUs, "expected a non-negative threshold");
            Simulation sim = Simulation.of(s, List.of());
            io.kflab.sim.trace.RunqSlower rq = null;
            if (trace != null) {
                rq = new io.kflab.sim.trace.RunqSlower(minUs, sim.kernel()::now);
                sim.kernel().addTracepoints(rq);
            }
            SimResult r;
            try (Progress p = json.json() ? Progress.quiet() : Progress.start("sim " + s.scheduler(), 100, "%")) {
                r = sim.run(p);
            }
            List<String> plots = new ArrayList<>();
            if (plot != null) {
                plots.add(SimPlots.latencyCdf(plot, Map.of(s.scheduler(), sim.latency().sortedUs())).toString());
                plots.add(SimPlots.utilisation(plot, "CPU utilisation: " + s.scheduler() + " on " + s.workload().cliName(), r.utilisation()).toString());
            }
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                Map<String, Object> m = new LinkedHashMap<>(JsonMixin.MAPPER.convertValue(r, Map.class));
                if (!plots.isEmpty()) m.put("plots", plots);
                if (rq != null) m.put("trace", rq.events());
                JsonMixin.print(w, m);
            } else {
                if (rq != null) {
                    w.println(io.kflab.sim.trace.RunqSlower.header(minUs));
                    rq.events().forEach(e -> w.println(io.kflab.sim.trace.RunqSlower.line(e)));
                    w.println();
                }
                print(w, r);
                plots.forEach(f -> w.println("plot: " + f));
                w.flush();
            }
            return 0;
        }
    }

    static void print(PrintWriter w, SimResult r) {
        w.printf("%s: %s on %s, %d CPUs, %s, seed %d%n", r.scenario(), r.scheduler(), r.workload(), r.cpus(), Durations.format(r.durationNs()), r.seed());
        w.printf("tasks: %d created, %d completed, %d lost%s%n", r.tasksCreated(), r.tasksCompleted(), r.tasksLost(),
                r.ejected() ? "; ejected: " + r.exitReason() : r.exitReason().isEmpty() ? "" : "; " + r.exitReason() + " (the fair class ran the workload)");
        if (!r.bpfInsnsPerOp().isEmpty()) {
            StringBuilder ops = new StringBuilder("BPF insns per op:");
            r.bpfInsnsPerOp().forEach((op, n) -> ops.append(String.format(" %s %.1f", op, n)));
            w.println(ops);
        }
        w.printf("run-queue latency (us): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  (%d switches-in)%n",
                r.latencyUs().p50(), r.latencyUs().p90(), r.latencyUs().p99(), r.latencyUs().max(), r.latencyUs().samples());
        double util = r.utilisation().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        w.printf("fairness (Jain) %.3f, context switches %d, throughput %.1f tasks/s, CPU utilisation %.1f%%%n",
                r.fairness(), r.contextSwitches(), r.throughput(), 100 * util);
    }

    @Command(name = "compare", description = "Run several schedulers on the same scenario and print one row each.")
    static final class Compare implements Callable<Integer> {
        @Mixin ScenarioOptions opts;
        @Option(names = "--schedulers", split = ",", required = true, paramLabel = "A,B,...") List<String> schedulers;
        @Option(names = "--plot", paramLabel = "DIR", description = "Write latency-cdf.png with one line per scheduler.") Path plot;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            for (String name : schedulers) opts.scenario(name); // every name and option checked before anything runs
            List<SimResult> results = new ArrayList<>();
            Map<String, double[]> cdfs = new LinkedHashMap<>();
            try (Progress p = json.json() ? Progress.quiet() : Progress.start("sim compare", 100L * schedulers.size(), "%")) {
                for (String name : schedulers) {
                    Scenario s = opts.scenario(name);
                    Scenario named = s;
                    Schedulers.get(name, "--schedulers " + name);
                    Simulation sim = Simulation.of(named, List.of());
                    results.add(sim.run(p));
                    cdfs.put(name, sim.latency().sortedUs());
                }
            }
            if (plot != null) SimPlots.latencyCdf(plot, cdfs);
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                JsonMixin.print(w, Map.of("results", results));
            } else {
                w.printf("%-16s %8s %8s %6s %9s %9s %9s %9s %9s %10s%n", "scheduler", "created", "done", "lost", "ejected",
                        "p50 us", "p99 us", "max us", "fairness", "switches");
                for (SimResult r : results) {
                    w.printf("%-16s %8d %8d %6d %9s %9.1f %9.1f %9.1f %9.3f %10d%n", r.scheduler(), r.tasksCreated(), r.tasksCompleted(),
                            r.tasksLost(), r.ejected() ? "yes" : "no", r.latencyUs().p50(), r.latencyUs().p99(), r.latencyUs().max(),
                            r.fairness(), r.contextSwitches());
                }
                if (plot != null) w.println("plot: " + plot.resolve("latency-cdf.png"));
                w.flush();
            }
            return 0;
        }
    }

    @Command(name = "schedulers", description = "The schedulers the simulation ships, with their expected outcome.")
    static final class SchedulerList implements Callable<Integer> {
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter w = spec.commandLine().getOut();
            List<Map<String, String>> rows = new ArrayList<>();
            for (Schedulers.Entry e : Schedulers.all()) {
                rows.add(Map.of("name", e.name(), "description", e.description(), "expectedOutcome", e.expectedOutcome()));
            }
            if (json.json()) {
                JsonMixin.print(w, Map.of("schedulers", rows));
            } else {
                for (Schedulers.Entry e : Schedulers.all()) w.printf("%-16s %s%n%-16s expected: %s%n", e.name(), e.description(), "", e.expectedOutcome());
                w.flush();
            }
            return 0;
        }
    }
}
