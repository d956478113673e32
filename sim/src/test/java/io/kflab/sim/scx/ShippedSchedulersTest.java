package io.kflab.sim.scx;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.Progress;
import io.kflab.sim.kernel.Task;
import io.kflab.sim.kernel.TaskState;
import io.kflab.sim.scenario.Scenario;
import io.kflab.sim.scenario.Schedulers;
import io.kflab.sim.scenario.SimResult;
import io.kflab.sim.scenario.Simulation;
import io.kflab.sim.sched.FairClass;
import io.kflab.sim.workload.WorkloadKind;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Every BPF scheduler shipped with the simulation gives the outcome its scheduler.yaml documents. */
class ShippedSchedulersTest {
    static final long MS = 1_000_000;

    static List<Schedulers.Entry> bpf() {
        return Schedulers.all().stream().filter(e -> !e.name().equals("fair")).toList();
    }

    @Test
    void theIssueListIsShipped() {
        assertThat(bpf()).extracting(Schedulers.Entry::name).contains("fifo", "vtime", "broken-context", "broken-stall",
                "broken-error", "broken-batch", "broken-vtime-builtin");
    }

    @Test
    void eachGivesItsDocumentedOutcome() {
        for (Schedulers.Entry e : bpf()) {
            Scenario s = new Scenario("doc", 4, 2_000 * MS, 1, e.name(), WorkloadKind.MIXED, 32, false, "RUNTIME_MASK");
            Simulation sim = Simulation.of(s, List.of());
            SimResult r = sim.run(Progress.quiet());
            assertThat(r.tasksLost()).as(e.name()).isZero();
            assertThat(r.tasksCreated()).as(e.name()).isEqualTo(32);
            ExitInfo exit = sim.scx().exitInfo();
            if (e.expectedExit().equals("NONE")) {
                assertThat(exit).as(e.name() + " must keep running").isNull();
                assertThat(r.bpfInsnsPerOp()).as(e.name()).containsKey("enqueue");
            } else {
                assertThat(exit).as(e.name() + " must be ejected").isNotNull();
                assertThat(exit.kind().name()).as(e.name()).isEqualTo(e.expectedExit());
                assertThat(sim.kernel().schedClass()).as(e.name()).isInstanceOf(FairClass.class);
                assertThat(sim.scx().log()).contains("disabled (" + exit.reason() + ")");
                if (exit.kind().isError()) assertThat(exit.dump()).contains("Debug dump");
            }
        }
    }

    @Test
    void wrongContextIsALoadErrorUnderTheLoadTimeDesigns() {
        for (String design : List.of("LOAD_FILTER", "POLYMORPHIC")) {
            Scenario s = new Scenario("ctx", 2, 200 * MS, 1, "broken-context", WorkloadKind.IO, 8, false, design);
            Simulation sim = Simulation.of(s, List.of());
            SimResult r = sim.run(Progress.quiet());
            assertThat(sim.scx()).isNull();
            assertThat(r.ejected()).isFalse();
            assertThat(r.exitReason()).isEqualTo("rejected at load: ops.enqueue: calling kernel function scx_bpf_dsq_move_to_local is not allowed (EACCES)");
            assertThat(r.tasksLost()).isZero();
        }
        Scenario ok = new Scenario("ok", 2, 200 * MS, 1, "vtime", WorkloadKind.IO, 8, false, "LOAD_FILTER");
        assertThat(Simulation.of(ok, List.of()).run(Progress.quiet()).exitReason()).isEmpty();
    }

    @Provide
    Arbitrary<String> scheduler() {
        return Arbitraries.of(bpf().stream().map(Schedulers.Entry::name).toList());
    }

    /** No task lost or on two CPUs; a runnable task waits no longer than the watchdog allows; ejection hands every task back. */
    @Property(tries = 40)
    void schedulerInvariants(@ForAll("scheduler") String name, @ForAll WorkloadKind kind, @ForAll @IntRange(min = 1, max = 6) int cpus,
                             @ForAll @IntRange(min = 1, max = 40) int tasks, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Scenario s = new Scenario("p", cpus, 1_000 * MS, seed, name, kind, tasks, seed % 2 == 0, "RUNTIME_MASK");
        Simulation sim = Simulation.of(s, List.of());
        for (int i = 1; i <= 10; i++) {
            sim.kernel().runUntil(s.durationNs() * i / 10);
            assertThat(sim.kernel().invariantViolations()).isEmpty();
            long now = sim.kernel().now();
            boolean ejected = sim.scx().exitInfo() != null;
            long limit = (name.equals("broken-stall") ? 500 : 30_000) * MS * 3 / 2;
            for (Task t : sim.kernel().tasks()) {
                if (t.state() == TaskState.QUEUED && !ejected) assertThat(now - t.waitingSince()).as(t.toString()).isLessThanOrEqualTo(limit);
            }
        }
        if (sim.scx().exitInfo() != null) {
            assertThat(sim.kernel().schedClass()).isInstanceOf(FairClass.class);
            assertThat(sim.scx().exitInfo().kind().name()).isEqualTo(Schedulers.get(name, "test").expectedExit());
        }
    }

    /** Identical seeds, identical results, for BPF schedulers too. */
    @Property(tries = 10)
    void deterministic(@ForAll("scheduler") String name, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Scenario s = new Scenario("d", 3, 500 * MS, seed, name, WorkloadKind.MIXED, 20, true, "RUNTIME_MASK");
        assertThat(Simulation.of(s, List.of()).run(Progress.quiet())).isEqualTo(Simulation.of(s, List.of()).run(Progress.quiet()));
    }
}
