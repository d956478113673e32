package io.kflab.sim.scx;

import io.kflab.sim.kernel.Task;
import java.util.EnumSet;
import java.util.Set;

/** Reference schedulers written against the Scx API, mirroring the shipped BPF examples. */
final class JavaSchedulers {
    private JavaSchedulers() {}

    /** scx_simple in FIFO mode: idle CPU from select_cpu_dfl with a direct dispatch, else the global DSQ. */
    static ScxOps fifo() {
        return new ScxOps() {
            public String name() { return "fifo"; }
            public Set<ScxOp> implemented() { return EnumSet.of(ScxOp.SELECT_CPU, ScxOp.ENQUEUE); }
            public int selectCpu(Scx scx, Task p, int prev, long wf) {
                boolean[] idle = new boolean[1];
                int cpu = scx.selectCpuDfl(p, prev, wf, idle);
                if (idle[0]) scx.dsqInsert(p, DsqId.LOCAL, Scx.SLICE_DFL, 0);
                return cpu;
            }
            public void enqueue(Scx scx, Task p, long f) { scx.dsqInsert(p, DsqId.GLOBAL, Scx.SLICE_DFL, f); }
        };
    }

    /** scx_simple in vtime mode: a user DSQ ordered by weighted vtime, consumed from dispatch. */
    static ScxOps vtime() {
        return new ScxOps() {
            long vtimeNow;
            public String name() { return "vtime"; }
            public Set<ScxOp> implemented() {
                return EnumSet.of(ScxOp.SELECT_CPU, ScxOp.ENQUEUE, ScxOp.DISPATCH, ScxOp.RUNNING, ScxOp.STOPPING, ScxOp.INIT);
            }
            public int init(Scx scx) { return scx.createDsq(0, -1); }
            public int selectCpu(Scx scx, Task p, int prev, long wf) {
                boolean[] idle = new boolean[1];
                int cpu = scx.selectCpuDfl(p, prev, wf, idle);
                if (idle[0]) scx.dsqInsert(p, DsqId.LOCAL, Scx.SLICE_DFL, 0);
                return cpu;
            }
            public void enqueue(Scx scx, Task p, long f) {
                long vt = Math.max(ScxTask.of(p).dsqVtime, vtimeNow - Scx.SLICE_DFL);
                scx.dsqInsertVtime(p, 0, Scx.SLICE_DFL, vt, f);
            }
            public void dispatch(Scx scx, int cpu, Task prev) { scx.dsqMoveToLocal(0); }
            public void running(Scx scx, Task p) { vtimeNow = Math.max(vtimeNow, ScxTask.of(p).dsqVtime); }
            public void stopping(Scx scx, Task p, boolean runnable) {
                ScxTask x = ScxTask.of(p);
                x.dsqVtime += (Scx.SLICE_DFL - x.slice) * 100 / Math.max(1, p.weight() * 100 / 1024);
            }
        };
    }

    /** Calls dsq_move_to_local from enqueue: fine for LOAD_FILTER's checker, a run-time error under RUNTIME_MASK. */
    static ScxOps wrongContext() {
        return new ScxOps() {
            public String name() { return "broken-context"; }
            public Set<ScxOp> implemented() { return EnumSet.of(ScxOp.ENQUEUE); }
            public void enqueue(Scx scx, Task p, long f) {
                scx.dsqInsert(p, DsqId.GLOBAL, Scx.SLICE_DFL, f);
                if (p.pid == 3) scx.dsqMoveToLocal(DsqId.GLOBAL);
            }
        };
    }

    /** Keeps every task for itself and never dispatches: the watchdog must fire. */
    static ScxOps stall(int timeoutMs) {
        return new ScxOps() {
            public String name() { return "broken-stall"; }
            public Set<ScxOp> implemented() { return EnumSet.of(ScxOp.ENQUEUE, ScxOp.DISPATCH); }
            public int timeoutMs() { return timeoutMs; }
            public void enqueue(Scx scx, Task p, long f) {}
        };
    }

    /** scx_bpf_error after a while. */
    static ScxOps errorAfter(long ns) {
        return new ScxOps() {
            public String name() { return "broken-error"; }
            public Set<ScxOp> implemented() { return EnumSet.of(ScxOp.ENQUEUE, ScxOp.TICK); }
            public void enqueue(Scx scx, Task p, long f) { scx.dsqInsert(p, DsqId.GLOBAL, Scx.SLICE_DFL, f); }
            public void tick(Scx scx, Task p) { if (scx.now() > ns) scx.error("giving up at " + scx.now()); }
        };
    }

    /** Dispatches more than dispatch_max_batch tasks in one ops.dispatch. */
    static ScxOps batchOverflow() {
        return new ScxOps() {
            final java.util.ArrayDeque<Task> mine = new java.util.ArrayDeque<>();
            public String name() { return "broken-batch"; }
            public Set<ScxOp> implemented() { return EnumSet.of(ScxOp.ENQUEUE, ScxOp.DISPATCH); }
            public int dispatchMaxBatch() { return 2; }
            public void enqueue(Scx scx, Task p, long f) { mine.add(p); }
            public void dispatch(Scx scx, int cpu, Task prev) {
                while (!mine.isEmpty()) scx.dsqInsert(mine.poll(), DsqId.GLOBAL, Scx.SLICE_DFL, 0);
            }
        };
    }

    /** A vtime insert into the built-in global DSQ. */
    static ScxOps vtimeBuiltin() {
        return new ScxOps() {
            public String name() { return "broken-vtime-builtin"; }
            public Set<ScxOp> implemented() { return EnumSet.of(ScxOp.ENQUEUE); }
            public void enqueue(Scx scx, Task p, long f) { scx.dsqInsertVtime(p, DsqId.GLOBAL, Scx.SLICE_DFL, 0, f); }
        };
    }
}
