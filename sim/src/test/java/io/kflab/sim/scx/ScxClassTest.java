package io.kflab.sim.scx;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.Progress;
import io.kflab.sim.scenario.Scenario;
import io.kflab.sim.scenario.SimResult;
import io.kflab.sim.scenario.Simulation;
import io.kflab.sim.sched.FairClass;
import io.kflab.sim.workload.WorkloadKind;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ScxClassTest {
    static final long MS = 1_000_000;

    static Scenario scenario(WorkloadKind kind, int cpus, int tasks, long durationNs) {
        return new Scenario("t", cpus, durationNs, 5, "x", kind, tasks, false, "RUNTIME_MASK");
    }

    record Run(SimResult result, ScxClass scx, Simulation sim) {}

    static Run run(Supplier<ScxOps> ops, Design design, WorkloadKind kind, int cpus, int tasks, long durationNs) {
        ScxClass[] made = new ScxClass[1];
        Simulation sim = new Simulation(scenario(kind, cpus, tasks, durationNs), () -> made[0] = new ScxClass(ops.get(), design), List.of());
        for (int i = 1; i <= 20; i++) {
            sim.kernel().runUntil(durationNs * i / 20);
            assertThat(sim.kernel().invariantViolations()).as("at %d/20", i).isEmpty();
        }
        return new Run(sim.result(), made[0], sim);
    }

    @Test
    void fifoRunsEverythingWithoutEjection() {
        Run r = run(JavaSchedulers::fifo, Design.RUNTIME_MASK, WorkloadKind.MIXED, 4, 32, 500 * MS);
        assertThat(r.scx().exitInfo()).isNull();
        assertThat(r.sim().kernel().schedClass()).isSameAs(r.scx());
        assertThat(r.result().tasksLost()).isZero();
        assertThat(r.result().fairness()).isGreaterThan(0.9);
        assertThat(r.scx().opCalls().get(ScxOp.ENQUEUE)).isPositive();
        assertThat(r.scx().opCalls().get(ScxOp.SELECT_CPU)).isPositive();
    }

    @Test
    void vtimeSchedulerIsFairAndUsesItsDsq() {
        Run r = run(JavaSchedulers::vtime, Design.RUNTIME_MASK, WorkloadKind.CPU, 2, 8, 1000 * MS);
        assertThat(r.scx().exitInfo()).isNull();
        assertThat(r.result().fairness()).isGreaterThan(0.95);
        assertThat(r.scx().opCalls().get(ScxOp.DISPATCH)).isPositive();
    }

    @Test
    void wrongContextKfuncEjectsAtRunTimeUnderTheMask() {
        Run r = run(JavaSchedulers::wrongContext, Design.RUNTIME_MASK, WorkloadKind.IO, 2, 8, 200 * MS);
        ExitInfo e = r.scx().exitInfo();
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ExitInfo.Kind.ERROR);
        assertThat(e.message()).isEqualTo("kfunc with mask 0x2 called from an operation only allowing 0x4");
        assertThat(e.dump()).contains("Debug dump").contains("CPU 0:");
        assertThat(r.sim().kernel().schedClass()).isInstanceOf(FairClass.class);
        assertThat(r.result().tasksLost()).isZero();
        assertThat(r.scx().log()).contains("disabled (runtime error)");
    }

    @Test
    void stallFiresTheWatchdog() {
        Run r = run(() -> JavaSchedulers.stall(100), Design.RUNTIME_MASK, WorkloadKind.CPU, 2, 4, 500 * MS);
        assertThat(r.scx().exitInfo().kind()).isEqualTo(ExitInfo.Kind.ERROR_STALL);
        assertThat(r.scx().exitInfo().message()).matches(".*\\[\\d+] failed to run for 0\\.1\\d\\ds");
        assertThat(r.result().tasksLost()).isZero();
        // the fair class took every task back: they all ran after the ejection
        for (var t : r.sim().kernel().tasks()) assertThat(t.sumExecRuntime()).as(t.comm).isPositive();
    }

    @Test
    void errorBatchOverflowAndVtimeIntoBuiltinEject() {
        assertThat(run(() -> JavaSchedulers.errorAfter(50 * MS), Design.RUNTIME_MASK, WorkloadKind.CPU, 2, 4, 200 * MS)
                .scx().exitInfo().kind()).isEqualTo(ExitInfo.Kind.ERROR_BPF);
        Run batch = run(JavaSchedulers::batchOverflow, Design.RUNTIME_MASK, WorkloadKind.BURSTY, 1, 40, 200 * MS);
        assertThat(batch.scx().exitInfo().message()).isEqualTo("dispatch buffer overflow");
        assertThat(batch.result().tasksLost()).isZero();
        Run vt = run(JavaSchedulers::vtimeBuiltin, Design.RUNTIME_MASK, WorkloadKind.CPU, 2, 8, 100 * MS);
        assertThat(vt.scx().exitInfo().message()).isEqualTo("cannot use vtime ordering for built-in DSQs");
    }

    @Test
    void sysrqDisablesAndTheFairClassTakesOver() {
        ScxClass[] made = new ScxClass[1];
        Simulation sim = new Simulation(scenario(WorkloadKind.MIXED, 2, 16, 400 * MS),
                () -> made[0] = new ScxClass(JavaSchedulers.fifo(), Design.RUNTIME_MASK), List.of());
        sim.kernel().runUntil(100 * MS);
        made[0].sysrq();
        sim.kernel().runUntil(400 * MS);
        assertThat(made[0].exitInfo().kind()).isEqualTo(ExitInfo.Kind.SYSRQ);
        assertThat(made[0].exitInfo().dump()).isEmpty();
        assertThat(sim.kernel().schedClass()).isInstanceOf(FairClass.class);
        assertThat(sim.kernel().invariantViolations()).isEmpty();
    }

    @Test
    void designsAgreeOnCorrectSchedulers() {
        for (Design d : Design.values()) {
            Run r = run(JavaSchedulers::fifo, d, WorkloadKind.MIXED, 4, 24, 300 * MS);
            assertThat(r.scx().exitInfo()).as(d.name()).isNull();
        }
        Run poly = run(JavaSchedulers::wrongContext, Design.POLYMORPHIC, WorkloadKind.IO, 2, 8, 200 * MS);
        assertThat(poly.scx().exitInfo().message()).contains("scx_bpf_dsq_move_to_local is not allowed (ops.enqueue");
    }
}
