package io.kflab.sim.sched;

import io.kflab.sim.kernel.Cpu;
import io.kflab.sim.kernel.SchedClass;
import io.kflab.sim.kernel.SimKernel;
import io.kflab.sim.kernel.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The default scheduler, a simplified CFS/EEVDF (kernel: fair_sched_class): per-CPU queues
 * ordered by weighted virtual runtime, a slice shared out by weight, wakeup placement near the
 * queue's minimum, an idle CPU preferred on wakeup, and idle CPUs pulling the longest-waiting
 * queued task (newidle balance). No load tracking, no cgroups, no NUMA (docs/sim.md).
 */
public final class FairClass implements SchedClass {
    /** Weight of a nice-0 task (kernel: NICE_0_LOAD). */
    public static final int NICE_0_WEIGHT = 1024;
    /** Target latency a queue's tasks share (kernel: sysctl_sched_latency, 6 ms). */
    static final long LATENCY_NS = 6_000_000;
    /** Smallest slice (kernel: sysctl_sched_min_granularity / base_slice, 0.75 ms). */
    static final long MIN_SLICE_NS = 750_000;

    /** Per-task data (kernel: struct sched_entity). */
    static final class Entity {
        long vruntime;
        int queuedOn = -1;
        long seq;
    }

    private SimKernel kernel;
    private List<TreeSet<Task>> queues;
    private long[] minVruntime;
    private long seq;

    private static Entity se(Task t) {
        return (Entity) t.classData;
    }

    private static final Comparator<Task> BY_VRUNTIME = (a, b) -> {
        Entity x = se(a), y = se(b);
        if (x.vruntime != y.vruntime) return Long.compare(x.vruntime, y.vruntime);
        if (x.seq != y.seq) return Long.compare(x.seq, y.seq);
        return Integer.compare(a.pid, b.pid);
    };

    @Override
    public String name() {
        return "fair";
    }

    @Override
    public void attach(SimKernel kernel) {
        this.kernel = kernel;
        queues = new ArrayList<>();
        for (int i = 0; i < kernel.nrCpus(); i++) queues.add(new TreeSet<>(BY_VRUNTIME));
        minVruntime = new long[kernel.nrCpus()];
    }

    @Override
    public void taskNew(Task p) {
        if (!(p.classData instanceof Entity)) p.classData = new Entity();
    }

    @Override
    public int selectCpu(Task p, int prevCpu, boolean newTask) {
        if (prevCpu >= 0 && p.allowedOn(prevCpu) && kernel.cpu(prevCpu).idle() && queues.get(prevCpu).isEmpty()) return prevCpu;
        int n = kernel.nrCpus();
        for (int i = 1; i <= n; i++) {
            int c = (Math.max(prevCpu, 0) + i) % n;
            if (p.allowedOn(c) && kernel.cpu(c).idle() && queues.get(c).isEmpty()) return c;
        }
        // no idle CPU: the allowed CPU with the shortest queue, the previous one on ties
        int best = -1;
        for (int i = 0; i < n; i++) {
            int c = (Math.max(prevCpu, 0) + i) % n;
            if (!p.allowedOn(c)) continue;
            if (best < 0 || queues.get(c).size() < queues.get(best).size()) best = c;
        }
        return best;
    }

    @Override
    public void enqueue(Task p, int cpu, boolean wakeup) {
        taskNew(p);
        Entity e = se(p);
        if (wakeup) {
            // place_entity: a waking task starts near the queue's minimum, with a bounded credit
            e.vruntime = Math.max(e.vruntime, minVruntime[cpu] - LATENCY_NS / 2);
        }
        e.queuedOn = cpu;
        e.seq = seq++;
        queues.get(cpu).add(p);
        kickIdle(p, cpu);
    }

    /** Work queued behind a busy CPU while another may run it: let the idle one pull it. */
    private void kickIdle(Task p, int cpu) {
        if (kernel.cpu(cpu).idle()) return;
        for (int i = 0; i < kernel.nrCpus(); i++) {
            if (i != cpu && p.allowedOn(i) && kernel.cpu(i).idle()) {
                kernel.resched(i);
                return;
            }
        }
    }

    @Override
    public Task pickNext(Cpu cpu) {
        TreeSet<Task> q = queues.get(cpu.id);
        Task next = q.pollFirst();
        if (next == null) next = pull(cpu.id);
        if (next == null) return null;
        se(next).queuedOn = -1;
        minVruntime[cpu.id] = Math.max(minVruntime[cpu.id], se(next).vruntime);
        return next;
    }

    /** newidle balance: take the queued task that has waited longest among those allowed here. */
    private Task pull(int cpu) {
        Task best = null;
        for (int i = 0; i < queues.size(); i++) {
            if (i == cpu) continue;
            for (Task t : queues.get(i)) {
                if (t.allowedOn(cpu) && (best == null || t.waitingSince() < best.waitingSince())) best = t;
            }
        }
        if (best != null) {
            queues.get(se(best).queuedOn).remove(best);
            se(best).vruntime = Math.max(se(best).vruntime, minVruntime[cpu] - LATENCY_NS / 2);
        }
        return best;
    }

    @Override
    public void putPrev(Cpu cpu, Task prev, boolean runnable) {
        if (runnable) enqueue(prev, cpu.id, false);
    }

    @Override
    public void charge(Task p, long deltaNs) {
        taskNew(p);
        se(p).vruntime += deltaNs * NICE_0_WEIGHT / Math.max(1, p.weight());
    }

    @Override
    public boolean tick(Cpu cpu, Task curr) {
        return false; // the slice timer preempts; the tick only accounts
    }

    @Override
    public boolean wakeupPreempt(Cpu cpu, Task curr, Task p) {
        return se(p).vruntime + MIN_SLICE_NS < se(curr).vruntime;
    }

    @Override
    public long slice(Task p) {
        int cpu = p.cpu();
        int waiting = cpu < 0 ? 0 : queues.get(cpu).size();
        long share = LATENCY_NS * p.weight() / Math.max(1, (long) NICE_0_WEIGHT * (waiting + 1));
        return Math.max(MIN_SLICE_NS, share);
    }

    @Override
    public void taskDead(Task p) {
        Entity e = (Entity) p.classData;
        if (e != null && e.queuedOn >= 0) queues.get(e.queuedOn).remove(p);
    }

    @Override
    public List<Task> queued() {
        List<Task> all = new ArrayList<>();
        for (TreeSet<Task> q : queues) all.addAll(q);
        return all;
    }

    @Override
    public List<Task> drain() {
        List<Task> all = queued();
        for (TreeSet<Task> q : queues) q.clear();
        for (Task t : all) se(t).queuedOn = -1;
        return all;
    }
}
