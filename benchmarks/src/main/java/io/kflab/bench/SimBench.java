package io.kflab.bench;

import io.kflab.bpf.diag.Progress;
import io.kflab.sim.scenario.Scenario;
import io.kflab.sim.scenario.Schedulers;
import io.kflab.sim.scenario.SimResult;
import io.kflab.sim.scenario.Simulation;
import io.kflab.sim.workload.WorkloadKind;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * The simulated kernel's speed: one second of virtual time on 64 CPUs with 10,000 tasks of a mixed
 * workload. The primary score is runs per wall second, i.e. virtual seconds simulated per wall
 * second (target ≥ 1); the {@code events} counter gives simulation events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SimBench {
    @Param({"fair", "fifo"})
    public String scheduler;

    /** Events processed, reported per second by JMH. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Events {
        public long events;
    }

    @Benchmark
    public SimResult oneSecond64Cpus10kTasks(Events ev) {
        Scenario s = new Scenario("bench", 64, 1_000_000_000L, 42, scheduler, WorkloadKind.MIXED, 10_000, false, "RUNTIME_MASK");
        SimResult r = Simulation.of(s, List.of()).run(Progress.quiet());
        ev.events += r.events();
        return r;
    }
}
