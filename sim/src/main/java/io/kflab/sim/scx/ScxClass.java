package io.kflab.sim.scx;

import io.kflab.sim.kernel.Cpu;
import io.kflab.sim.kernel.SchedClass;
import io.kflab.sim.kernel.SimKernel;
import io.kflab.sim.kernel.Task;
import io.kflab.sim.sched.FairClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * sched_ext as a scheduling class (kernel: ext_sched_class, 6.12 semantics): tasks flow through
 * ops.select_cpu / ops.enqueue into dispatch queues, CPUs take from their local DSQ, then the
 * global one, then ops.dispatch; errors, a stall or an exit request eject the scheduler and the
 * fair class takes every task back.
 */
public final class ScxClass implements SchedClass, Scx {
    /** SCX_DSP_MAX_LOOPS. */
    static final int MAX_DISPATCH_LOOPS = 32;
    static final long WATCHDOG_DFL_NS = 30_000_000_000L;
    static final long KICK_IDLE = 1;
    static final long KICK_PREEMPT = 1 << 1;

    private final ScxOps ops;
    private final Design design;
    private final Set<ScxOp> has;
    private SimKernel kernel;
    private Dsq global;
    private Dsq[] local;
    private final Map<Long, Dsq> userDsqs = new HashMap<>();
    /** Tasks ops.enqueue kept for itself (kernel: ops_state QUEUED, owned by the BPF scheduler). */
    private final Set<Task> bpfOwned = new LinkedHashSet<>(); // insertion order: drains are deterministic
    private int[] kfMask;
    private ScxOp[] currentOp;
    /** The task select_cpu/enqueue may direct-dispatch (kernel: direct_dispatch_task), null outside them. */
    private Task[] ddspTask;
    private boolean[] ddspSpoiled;
    private boolean[] idleClaimed;
    private final List<List<long[]>> dspBufDsq = new ArrayList<>();
    private final List<List<Task>> dspBufTask = new ArrayList<>();
    private int maxBatch;
    private long watchdogNs;
    private int cur = 0;
    private boolean bypass;
    private ExitInfo exitInfo;
    private final Map<ScxOp, Long> opCalls = new java.util.EnumMap<>(ScxOp.class);
    private long nOps, maskWrites, maskTests, markerAccesses;
    private final StringBuilder log = new StringBuilder();

    public ScxClass(ScxOps ops, Design design) {
        this.ops = ops;
        this.design = design;
        this.has = ops.implemented();
    }

    @Override
    public String name() {
        return ops.name();
    }

    public ScxOps ops() {
        return ops;
    }

    public Design design() {
        return design;
    }

    /** Why the scheduler stopped, or null while it runs. */
    public ExitInfo exitInfo() {
        return exitInfo;
    }

    /** Calls of each op so far. */
    public Map<ScxOp, Long> opCalls() {
        return Collections.unmodifiableMap(opCalls);
    }

    /** The per-CPU mask and marker work this design's kernel did so far. */
    public RuntimeWork runtimeWork() {
        return new RuntimeWork(nOps, maskWrites, maskTests, markerAccesses);
    }

    /** Counts a direct_dispatch_task access where the design's kernel keeps the marker. */
    private void marker(int n) {
        if (design != Design.POLYMORPHIC) markerAccesses += n;
    }

    /** The kernel log lines sched_ext printed (enable, disable). */
    public String log() {
        return log.toString();
    }

    // ------------------------------------------------------------------ enable / disable

    @Override
    public void attach(SimKernel k) {
        kernel = k;
        int n = k.nrCpus();
        global = new Dsq(DsqId.GLOBAL);
        local = new Dsq[n];
        for (int i = 0; i < n; i++) {
            local[i] = new Dsq(DsqId.localOn(i));
            dspBufDsq.add(new ArrayList<>());
            dspBufTask.add(new ArrayList<>());
        }
        kfMask = new int[n];
        currentOp = new ScxOp[n];
        ddspTask = new Task[n];
        ddspSpoiled = new boolean[n];
        idleClaimed = new boolean[n];
        maxBatch = ops.dispatchMaxBatch() == 0 ? 32 : ops.dispatchMaxBatch();
        watchdogNs = ops.timeoutMs() == 0 ? WATCHDOG_DFL_NS : Math.min(ops.timeoutMs() * 1_000_000L, WATCHDOG_DFL_NS);
        log.append("sched_ext: BPF scheduler \"").append(ops.name()).append("\" enabled\n");
        if (has.contains(ScxOp.INIT)) {
            int[] ret = new int[1];
            call(0, ScxOp.INIT, () -> ret[0] = ops.init(this));
            if (ret[0] < 0) scxExit(ExitInfo.Kind.ERROR, 0, "ops.init() failed (" + ret[0] + ")");
        }
        k.timer(k.now() + watchdogNs / 2, this::watchdog);
    }

    /** SysRq-S: disable the BPF scheduler from the keyboard. */
    public void sysrq() {
        scxExit(ExitInfo.Kind.SYSRQ, 0, "");
    }

    private void scxExit(ExitInfo.Kind kind, long code, String message) {
        if (exitInfo != null) return;
        String dump = kind.isError() ? dump(kind, message) : "";
        exitInfo = new ExitInfo(kind, code, kind.reason(), message, dump);
        bypass = true;
        kernel.timer(kernel.now(), this::disable);
    }

    /** The disable worker (kernel: scx_ops_disable_workfn): ops.exit, then every task back to the fair class. */
    private void disable() {
        if (has.contains(ScxOp.EXIT)) call(0, ScxOp.EXIT, () -> ops.exit(this, exitInfo));
        log.append("sched_ext: BPF scheduler \"").append(ops.name()).append("\" disabled (").append(exitInfo.reason()).append(")\n");
        if (!exitInfo.message().isEmpty()) log.append("sched_ext: ").append(ops.name()).append(": ").append(exitInfo.message()).append('\n');
        kernel.switchClass(new FairClass());
    }

    private String dump(ExitInfo.Kind kind, String message) {
        StringBuilder d = new StringBuilder();
        d.append("Debug dump triggered by error: ").append(kind.reason()).append('\n');
        d.append(ops.name()).append(": ").append(message).append('\n');
        d.append("ops: ").append(opCalls).append('\n');
        for (int c = 0; c < kernel.nrCpus(); c++) {
            Cpu cpu = kernel.cpu(c);
            d.append("CPU ").append(c).append(": nr_local=").append(local[c].nrQueued())
                    .append(" curr=").append(cpu.curr() == null ? "idle" : cpu.curr().toString()).append('\n');
        }
        d.append("global dsq: ").append(global.nrQueued()).append(" tasks; user dsqs: ").append(userDsqs.size())
                .append("; held by BPF: ").append(bpfOwned.size()).append('\n');
        if (has.contains(ScxOp.DUMP)) call(0, ScxOp.DUMP, () -> ops.dump(this, d));
        return d.toString();
    }

    private void watchdog() {
        if (exitInfo != null) return;
        long now = kernel.now();
        for (Task t : queued()) {
            long at = ScxTask.of(t).runnableAt;
            if (at >= 0 && now - at > watchdogNs) {
                long waited = now - at;
                scxExit(ExitInfo.Kind.ERROR_STALL, 0, String.format("%s failed to run for %d.%03ds", t, waited / 1_000_000_000L,
                        waited / 1_000_000 % 1000));
                return;
            }
        }
        kernel.timer(now + watchdogNs / 2, this::watchdog);
    }

    // ------------------------------------------------------------------ calling ops

    private void call(int cpu, ScxOp op, Runnable body) {
        if (bypass && op != ScxOp.EXIT && op != ScxOp.DUMP) return;
        opCalls.merge(op, 1L, Long::sum);
        nOps++;
        if (design == Design.RUNTIME_MASK) maskWrites += 2;
        int saved = cur;
        ScxOp savedOp = currentOp[cpu];
        int savedMask = kfMask[cpu];
        cur = cpu;
        currentOp[cpu] = op;
        kfMask[cpu] |= op.kfMask;
        try {
            body.run();
        } finally {
            kfMask[cpu] = savedMask;
            currentOp[cpu] = savedOp;
            cur = saved;
        }
    }

    /** Whether {@code k} may be called now; a violation ends the scheduler as the design says. */
    private boolean allowed(ScxKfunc k) {
        if (bypass) return false;
        ScxOp op = currentOp[cur];
        switch (design) {
            case RUNTIME_MASK -> {
                maskTests++;
                if (!k.allowedAtRuntime(kfMask[cur])) {
                    scxExit(ExitInfo.Kind.ERROR, 0, String.format("kfunc with mask 0x%x called from an operation only allowing 0x%x", k.mask, kfMask[cur]));
                    return false;
                }
            }
            case LOAD_FILTER, POLYMORPHIC -> {
                if (op != null && !k.allowedAtLoad(op)) {
                    // a verified BPF scheduler cannot get here: its load would have failed
                    scxExit(ExitInfo.Kind.ERROR, 0, "calling kernel function " + k.kernelName + " is not allowed (ops." + op.member()
                            + "; a " + design + " kernel rejects this at load)");
                    return false;
                }
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ sched_class

    @Override
    public void taskNew(Task p) {
        ScxTask x = ScxTask.of(p);
        if (x.enabled) return;
        x.enabled = true;
        x.slice = SLICE_DFL;
        if (has.contains(ScxOp.INIT_TASK)) {
            int[] ret = new int[1];
            call(Math.max(p.cpu(), 0), ScxOp.INIT_TASK, () -> ret[0] = ops.initTask(this, p));
            if (ret[0] < 0) scxExit(ExitInfo.Kind.ERROR, 0, "ops.init_task() failed (" + ret[0] + ") for " + p);
        }
        if (has.contains(ScxOp.ENABLE)) call(Math.max(p.cpu(), 0), ScxOp.ENABLE, () -> ops.enable(this, p));
    }

    @Override
    public void taskDead(Task p) {
        ScxTask x = ScxTask.of(p);
        if (x.dsq != null) x.dsq.remove(p);
        bpfOwned.remove(p);
        if (has.contains(ScxOp.EXIT_TASK)) call(Math.max(p.cpu(), 0), ScxOp.EXIT_TASK, () -> ops.exitTask(this, p));
    }

    @Override
    public int selectCpu(Task p, int prevCpu, boolean newTask) {
        ScxTask x = ScxTask.of(p);
        x.ddspDsqId = DsqId.INVALID;
        if (bypass) return prevCpu;
        if (!has.contains(ScxOp.SELECT_CPU)) {
            boolean[] idle = new boolean[1];
            int cpu = pickIdle(p, prevCpu, idle);
            if (idle[0]) {
                x.ddspDsqId = DsqId.LOCAL;
                x.ddspEnqFlags = 0;
                x.ddspVtime = false;
                x.slice = SLICE_DFL;
            }
            return cpu;
        }
        int[] ret = {prevCpu};
        ddspTask[prevCpu] = p;
        ddspSpoiled[prevCpu] = false;
        call(prevCpu, ScxOp.SELECT_CPU, () -> ret[0] = ops.selectCpu(this, p, prevCpu, newTask ? 0 : 1));
        ddspTask[prevCpu] = null;
        marker(2);
        if (ret[0] < 0 || ret[0] >= kernel.nrCpus()) {
            scxExit(ExitInfo.Kind.ERROR, 0, "invalid CPU " + ret[0] + " from ops.select_cpu()");
            return prevCpu;
        }
        return ret[0];
    }

    @Override
    public void enqueue(Task p, int cpu, boolean wakeup) {
        ScxTask x = ScxTask.of(p);
        x.runnableAt = kernel.now();
        if (wakeup && has.contains(ScxOp.RUNNABLE)) call(cpu, ScxOp.RUNNABLE, () -> ops.runnable(this, p, 1));
        doEnqueue(p, cpu, wakeup ? 1 : 0);
    }

    /** do_enqueue_task: a recorded direct dispatch, else ops.enqueue, else the global DSQ. */
    private void doEnqueue(Task p, int cpu, long enqFlags) {
        ScxTask x = ScxTask.of(p);
        if (bypass) {
            x.ddspDsqId = DsqId.INVALID;
            if (x.slice == 0) x.slice = SLICE_DFL;
            global.insert(p, false);
            kickIdle(p, cpu);
            return;
        }
        if (x.ddspDsqId == DsqId.INVALID && has.contains(ScxOp.ENQUEUE)) {
            bpfOwned.add(p);
            ddspTask[cpu] = p;
            ddspSpoiled[cpu] = false;
            call(cpu, ScxOp.ENQUEUE, () -> ops.enqueue(this, p, enqFlags));
            ddspTask[cpu] = null;
            marker(2);
            if (x.ddspDsqId == DsqId.INVALID) return; // the BPF scheduler keeps it (or dispatched it elsewhere)
            bpfOwned.remove(p);
        }
        if (x.ddspDsqId != DsqId.INVALID) {
            long id = x.ddspDsqId;
            x.ddspDsqId = DsqId.INVALID;
            dispatchEnqueue(p, id, x.ddspEnqFlags, cpu, x.ddspVtime);
            return;
        }
        if (x.slice == 0) x.slice = SLICE_DFL;
        global.insert(p, false);
        kickIdle(p, cpu);
    }

    private void kickIdle(Task p, int cpu) {
        if (kernel.cpu(cpu).idle() && p.allowedOn(cpu)) {
            kernel.resched(cpu);
            return;
        }
        for (int c = 0; c < kernel.nrCpus(); c++) {
            if (p.allowedOn(c) && kernel.cpu(c).idle()) {
                kernel.resched(c);
                return;
            }
        }
    }

    /** dispatch_enqueue: into the DSQ {@code id} names, with the kernel's errors for bad ids and mixed ordering. */
    private void dispatchEnqueue(Task p, long id, long enqFlags, int cpu, boolean vtime) {
        bpfOwned.remove(p);
        Dsq target;
        if (id == DsqId.LOCAL) {
            target = local[cpu];
        } else if (DsqId.isLocalOn(id)) {
            int c = (int) (id & DsqId.LOCAL_CPU_MASK);
            if (c >= kernel.nrCpus()) {
                scxExit(ExitInfo.Kind.ERROR, 0, "invalid CPU " + c + " for SCX_DSQ_LOCAL_ON");
                target = global;
            } else {
                target = p.allowedOn(c) ? local[c] : global;
            }
        } else if (id == DsqId.GLOBAL) {
            target = global;
        } else if (DsqId.isBuiltin(id)) {
            scxExit(ExitInfo.Kind.ERROR, 0, "non-existent DSQ " + DsqId.format(id) + " for " + p);
            target = global;
        } else {
            target = userDsqs.get(id);
            if (target == null) {
                scxExit(ExitInfo.Kind.ERROR, 0, "non-existent DSQ 0x" + Long.toHexString(id) + " for " + p);
                target = global;
            }
        }
        if (vtime && DsqId.isBuiltin(target.id) && exitInfo == null) {
            scxExit(ExitInfo.Kind.ERROR, 0, "cannot use vtime ordering for built-in DSQs");
            vtime = false;
        }
        if (vtime && target.hasFifo()) scxExit(ExitInfo.Kind.ERROR, 0, "DSQ ID " + DsqId.format(target.id) + " already had FIFO-enqueued tasks");
        if (!vtime && target.hasPriq()) scxExit(ExitInfo.Kind.ERROR, 0, "DSQ ID " + DsqId.format(target.id) + " already had PRIQ-enqueued tasks");
        if (vtime && !DsqId.isBuiltin(target.id)) target.insertVtime(p);
        else target.insert(p, (enqFlags & SCX_ENQ_HEAD) != 0);
        if (target == global) kickIdle(p, cpu);
        else if (target != local[cpu] || kernel.cpu(cpu).idle()) {
            for (int c = 0; c < local.length; c++) if (local[c] == target && kernel.cpu(c).idle()) kernel.resched(c);
        }
    }

    static final long SCX_ENQ_HEAD = 1L << 4;

    @Override
    public Task pickNext(Cpu cpu) {
        int c = cpu.id;
        idleClaimed[c] = false;
        Task t = local[c].pollFor(c);
        if (t == null) t = global.pollFor(c);
        if (t == null && !bypass && has.contains(ScxOp.DISPATCH)) {
            for (int loop = 0; loop < MAX_DISPATCH_LOOPS && t == null && !bypass; loop++) {
                dspBufDsq.get(c).clear();
                dspBufTask.get(c).clear();
                int before = local[c].nrQueued() + global.nrQueued();
                call(c, ScxOp.DISPATCH, () -> ops.dispatch(this, c, null));
                int flushed = flush(c);
                t = local[c].pollFor(c);
                if (t == null) t = global.pollFor(c);
                if (t == null && flushed == 0 && local[c].nrQueued() + global.nrQueued() == before) break;
            }
        }
        if (t != null && ScxTask.of(t).slice == 0) ScxTask.of(t).slice = SLICE_DFL;
        if (t == null && has.contains(ScxOp.UPDATE_IDLE) && !bypass) call(c, ScxOp.UPDATE_IDLE, () -> ops.updateIdle(this, c, true));
        return t;
    }

    /** finish_dispatch for every buffered insert; returns how many there were. */
    private int flush(int cpu) {
        List<long[]> dsqs = dspBufDsq.get(cpu);
        List<Task> tasks = dspBufTask.get(cpu);
        int n = tasks.size();
        for (int i = 0; i < n; i++) {
            long[] e = dsqs.get(i);
            // finish_dispatch: a task the BPF scheduler no longer owns (already dispatched, running,
            // gone) is a stale dispatch and is dropped, as the kernel does with its ops_state check
            if (!bpfOwned.contains(tasks.get(i))) continue;
            dispatchEnqueue(tasks.get(i), e[0], e[1], cpu, e[2] != 0);
        }
        dsqs.clear();
        tasks.clear();
        return n;
    }

    @Override
    public void putPrev(Cpu cpu, Task prev, boolean runnable) {
        ScxTask x = ScxTask.of(prev);
        if (has.contains(ScxOp.STOPPING)) call(cpu.id, ScxOp.STOPPING, () -> ops.stopping(this, prev, runnable));
        if (runnable) {
            x.runnableAt = kernel.now();
            if (x.slice > 0 && !bypass) local[cpu.id].insert(prev, true);
            else doEnqueue(prev, cpu.id, 0);
        } else {
            x.runnableAt = -1;
            if (has.contains(ScxOp.QUIESCENT)) call(cpu.id, ScxOp.QUIESCENT, () -> ops.quiescent(this, prev, 0));
        }
    }

    @Override
    public void running(Cpu cpu, Task p) {
        ScxTask.of(p).runnableAt = -1;
        if (has.contains(ScxOp.RUNNING)) call(cpu.id, ScxOp.RUNNING, () -> ops.running(this, p));
    }

    @Override
    public void charge(Task p, long deltaNs) {
        ScxTask x = ScxTask.of(p);
        if (x.slice != Long.MAX_VALUE) x.slice = Math.max(0, x.slice - deltaNs);
    }

    @Override
    public boolean tick(Cpu cpu, Task curr) {
        if (has.contains(ScxOp.TICK)) call(cpu.id, ScxOp.TICK, () -> ops.tick(this, curr));
        return ScxTask.of(curr).slice == 0 || bypass;
    }

    @Override
    public long slice(Task p) {
        long s = ScxTask.of(p).slice;
        return s <= 0 ? 1 : s;
    }

    @Override
    public List<Task> queued() {
        Set<Task> all = new LinkedHashSet<>(global.tasks());
        for (Dsq d : local) all.addAll(d.tasks());
        for (Dsq d : userDsqs.values()) all.addAll(d.tasks());
        for (List<Task> buf : dspBufTask) all.addAll(buf);
        all.addAll(bpfOwned);
        return new ArrayList<>(all);
    }

    @Override
    public List<Task> drain() {
        List<Task> all = queued();
        global.drain();
        for (Dsq d : local) d.drain();
        for (Dsq d : userDsqs.values()) d.drain();
        dspBufTask.forEach(List::clear);
        dspBufDsq.forEach(List::clear);
        bpfOwned.clear();
        return all;
    }

    // ------------------------------------------------------------------ kfuncs

    @Override
    public void dsqInsert(Task p, long dsqId, long slice, long enqFlags) {
        insert(p, dsqId, slice, enqFlags, -1, false, ScxKfunc.DSQ_INSERT);
    }

    @Override
    public void dsqInsertVtime(Task p, long dsqId, long slice, long vtime, long enqFlags) {
        insert(p, dsqId, slice, enqFlags, vtime, true, ScxKfunc.DSQ_INSERT_VTIME);
    }

    private void insert(Task p, long dsqId, long slice, long enqFlags, long vtime, boolean byVtime, ScxKfunc k) {
        if (!allowed(k)) return;
        if (p == null) {
            scxExit(ExitInfo.Kind.ERROR, 0, "called with NULL task");
            return;
        }
        ScxTask x = ScxTask.of(p);
        if (slice != 0) x.slice = slice;
        else if (x.slice == 0) x.slice = 1;
        if (byVtime) x.dsqVtime = vtime;
        marker(1);
        boolean direct = switch (design) {
            case POLYMORPHIC -> currentOp[cur] == ScxOp.SELECT_CPU || currentOp[cur] == ScxOp.ENQUEUE;
            default -> ddspTask[cur] != null || ddspSpoiled[cur];
        };
        if (direct) {
            if (design != Design.POLYMORPHIC) {
                if (ddspSpoiled[cur]) {
                    scxExit(ExitInfo.Kind.ERROR, 0, p + " already direct-dispatched");
                    return;
                }
                if (ddspTask[cur] != p) {
                    scxExit(ExitInfo.Kind.ERROR, 0, "scheduling for " + ddspTask[cur] + " but trying to direct-dispatch " + p);
                    return;
                }
                ddspSpoiled[cur] = true;
                ddspTask[cur] = null;
            }
            x.ddspDsqId = dsqId;
            x.ddspEnqFlags = enqFlags;
            x.ddspVtime = byVtime;
            return;
        }
        if (dspBufTask.get(cur).size() >= maxBatch) {
            scxExit(ExitInfo.Kind.ERROR, 0, "dispatch buffer overflow");
            return;
        }
        dspBufTask.get(cur).add(p);
        dspBufDsq.get(cur).add(new long[] {dsqId, enqFlags, byVtime ? 1 : 0});
    }

    @Override
    public boolean dsqMoveToLocal(long dsqId) {
        if (!allowed(ScxKfunc.DSQ_MOVE_TO_LOCAL)) return false;
        flush(cur);
        Dsq d = dsqId == DsqId.GLOBAL ? global : userDsqs.get(dsqId);
        if (d == null) {
            scxExit(ExitInfo.Kind.ERROR, 0, "invalid DSQ ID " + DsqId.format(dsqId));
            return false;
        }
        Task t = d.pollFor(cur);
        if (t == null) return false;
        local[cur].insert(t, false);
        return true;
    }

    @Override
    public int dispatchNrSlots() {
        if (!allowed(ScxKfunc.DISPATCH_NR_SLOTS)) return 0;
        return maxBatch - dspBufTask.get(cur).size();
    }

    @Override
    public void dispatchCancel() {
        if (!allowed(ScxKfunc.DISPATCH_CANCEL)) return;
        List<Task> buf = dspBufTask.get(cur);
        if (buf.isEmpty()) {
            scxExit(ExitInfo.Kind.ERROR, 0, "dispatch buffer underflow");
            return;
        }
        buf.removeLast(); // the task stays the BPF scheduler's (bpfOwned) until a flush places it
        dspBufDsq.get(cur).removeLast();
    }

    @Override
    public int createDsq(long dsqId, int node) {
        if (!allowed(ScxKfunc.CREATE_DSQ)) return -22;
        if (DsqId.isBuiltin(dsqId) || (node != -1 && node != 0)) return -22;
        if (userDsqs.containsKey(dsqId)) return -17;
        userDsqs.put(dsqId, new Dsq(dsqId));
        return 0;
    }

    @Override
    public int dsqNrQueued(long dsqId) {
        if (dsqId == DsqId.GLOBAL) return global.nrQueued();
        if (dsqId == DsqId.LOCAL) return local[cur].nrQueued();
        if (DsqId.isLocalOn(dsqId)) {
            int c = (int) (dsqId & DsqId.LOCAL_CPU_MASK);
            return c < local.length ? local[c].nrQueued() : -2;
        }
        Dsq d = userDsqs.get(dsqId);
        return d == null ? -2 : d.nrQueued();
    }

    @Override
    public void kickCpu(int cpu, long flags) {
        if (cpu < 0 || cpu >= kernel.nrCpus()) {
            scxExit(ExitInfo.Kind.ERROR, 0, "invalid cpu " + cpu);
            return;
        }
        Task curr = kernel.cpu(cpu).curr();
        if ((flags & KICK_IDLE) != 0 && curr != null) return; // kick_one_cpu_if_idle: a busy CPU is left alone
        if ((flags & KICK_PREEMPT) != 0 && curr != null) ScxTask.of(curr).slice = 0;
        kernel.resched(cpu);
    }

    @Override
    public int selectCpuDfl(Task p, int prevCpu, long wakeFlags, boolean[] isIdle) {
        if (!allowed(ScxKfunc.SELECT_CPU_DFL)) return prevCpu;
        return pickIdle(p, prevCpu, isIdle);
    }

    /** scx_select_cpu_dfl: the previous CPU if idle, else the first idle allowed CPU (claimed until it schedules). */
    private int pickIdle(Task p, int prevCpu, boolean[] isIdle) {
        int n = kernel.nrCpus();
        for (int i = 0; i < n; i++) {
            int c = (prevCpu + i) % n;
            if (p.allowedOn(c) && kernel.cpu(c).idle() && !idleClaimed[c] && local[c].nrQueued() == 0) {
                idleClaimed[c] = true;
                if (isIdle != null && isIdle.length > 0) isIdle[0] = true;
                return c;
            }
        }
        if (isIdle != null && isIdle.length > 0) isIdle[0] = false;
        return p.allowedOn(prevCpu) ? prevCpu : p.cpusAllowed().nextSetBit(0);
    }

    @Override
    public void error(String message) {
        scxExit(ExitInfo.Kind.ERROR_BPF, 0, message);
    }

    @Override
    public void exit(long code, String message) {
        scxExit(ExitInfo.Kind.UNREG_BPF, code, message);
    }

    @Override
    public int currentCpu() {
        return cur;
    }

    @Override
    public long now() {
        return kernel.now();
    }

    @Override
    public int nrCpus() {
        return kernel.nrCpus();
    }
}
