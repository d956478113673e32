package io.kflab.sim.scenario;

import io.kflab.bpf.diag.Progress;
import io.kflab.sim.kernel.KernelConfig;
import io.kflab.sim.kernel.SchedClass;
import io.kflab.sim.kernel.SimKernel;
import io.kflab.sim.kernel.Task;
import io.kflab.sim.kernel.TaskState;
import io.kflab.sim.kernel.Tracepoints;
import io.kflab.sim.metrics.Fairness;
import io.kflab.sim.metrics.LatencyRecorder;
import io.kflab.sim.workload.TaskSpec;
import io.kflab.sim.workload.Workloads;
import io.kflab.sim.sched.FairClass;
import io.kflab.sim.scx.ExitInfo;
import io.kflab.sim.scx.ScxClass;
import io.kflab.sim.scx.bpf.BpfScheduler;
import io.kflab.sim.scx.bpf.ScxLoadRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Runs a scenario: builds the machine and its scheduler, forks the workload, advances the clock, measures. */
public final class Simulation {
    private final Scenario scenario;
    private final SimKernel kernel;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final List<Task> cpuBound = new ArrayList<>();

    private ScxClass scx;
    private String loadRejected = "";

    /** The scenario with the scheduler it names; a BPF scheduler its design refuses at load leaves the fair class in charge. */
    public static Simulation of(Scenario scenario, List<Tracepoints> tracers) {
        Schedulers.Entry e = Schedulers.get(scenario.scheduler(), "scheduler " + scenario.scheduler());
        String[] rejected = {""};
        Simulation sim = new Simulation(scenario, () -> {
            try {
                return e.factory().apply(scenario);
            } catch (ScxLoadRejected r) {
                rejected[0] = r.getMessage() + " (" + r.errno + ")";
                return new FairClass();
            }
        }, tracers);
        sim.loadRejected = rejected[0];
        return sim;
    }

    public Simulation(Scenario scenario, Supplier<SchedClass> scheduler, List<Tracepoints> tracers) {
        this.scenario = scenario;
        SchedClass first = scheduler.get();
        if (first instanceof ScxClass s) this.scx = s;
        this.kernel = new SimKernel(KernelConfig.of(scenario.cpus(), scenario.seed()), first);
        kernel.addTracepoints(latency);
        tracers.forEach(kernel::addTracepoints);
        for (TaskSpec s : Workloads.generate(scenario.workload(), scenario.tasks(), scenario.durationNs(), scenario.seed(), scenario.weighted())) {
            Task t = kernel.spawn(s.arrivalNs(), s.comm(), s.weight(), kernel.allCpus(), s.behaviour());
            if (s.cpuBound()) cpuBound.add(t);
        }
    }

    /** The sched_ext class the run started with, or null for a built-in class. */
    public ScxClass scx() {
        return scx;
    }

    public SimKernel kernel() {
        return kernel;
    }

    public LatencyRecorder latency() {
        return latency;
    }

    /** Advances the whole duration in 100 steps (one progress step each). */
    public SimResult run(Progress progress) {
        long d = scenario.durationNs();
        for (int i = 1; i <= 100; i++) {
            kernel.runUntil(d * i / 100);
            progress.step();
        }
        return result();
    }

    public SimResult result() {
        List<Task> tasks = kernel.tasks();
        int created = (int) tasks.stream().filter(t -> t.createdAt() >= 0).count();
        int completed = (int) tasks.stream().filter(t -> t.state() == TaskState.DEAD).count();
        List<Double> util = new ArrayList<>();
        for (int i = 0; i < kernel.nrCpus(); i++) util.add((double) kernel.cpu(i).busyNs() / kernel.now());
        ExitInfo exit = scx == null ? null : scx.exitInfo();
        String reason = !loadRejected.isEmpty() ? "rejected at load: " + loadRejected
                : exit == null ? "" : exit.reason() + (exit.message().isEmpty() ? "" : ": " + exit.message());
        Map<String, Double> perOp = new java.util.TreeMap<>();
        if (scx != null && scx.ops() instanceof BpfScheduler b) {
            b.insnCounts().forEach((op, c) -> perOp.put(op.member(), c[0] == 0 ? 0.0 : (double) c[1] / c[0]));
        }
        String name = scx != null ? scx.name() : !loadRejected.isEmpty() ? scenario.scheduler() : kernel.schedClass().name();
        return new SimResult(scenario.name(), name, scenario.workload().cliName(),
                scenario.cpus(), scenario.durationNs(), scenario.seed(), created, completed, kernel.lostTasks().size(), exit != null,
                reason, latency.latencyUs(), fairness(), kernel.contextSwitches(), completed / (kernel.now() / 1e9), util,
                kernel.eventsProcessed(), perOp);
    }

    /** Jain's index of CPU time per unit of weight over the CPU-bound tasks (all tasks if there are none). */
    private double fairness() {
        List<Task> over = cpuBound.isEmpty() ? kernel.tasks() : cpuBound;
        List<Double> xs = new ArrayList<>();
        for (Task t : over) {
            if (t.createdAt() < 0) continue;
            long end = t.exitedAt() >= 0 ? t.exitedAt() : kernel.now();
            long life = end - t.createdAt();
            if (life <= 0) continue;
            xs.add((double) t.sumExecRuntime() / t.weight() / life);
        }
        return Fairness.jain(xs);
    }
}
