package io.kflab.sim.kernel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The simulated kernel (kernel: the core scheduler, kernel/sched/core.c): a discrete-event loop
 * over a virtual clock that forks, wakes, runs, preempts and retires tasks on its CPUs through
 * one scheduling class at a time, firing the sched tracepoints. Deterministic: the same
 * configuration, class and tasks give the same run.
 */
public final class SimKernel {
    private final KernelConfig config;
    private final Cpu[] cpus;
    private final PriorityQueue<Event.Timed> events = new PriorityQueue<>();
    private final List<Task> tasks = new ArrayList<>();
    private final List<Tracepoints> tracepoints = new ArrayList<>();
    private final boolean[] tickArmed;
    private final SplittableRandom seeds;
    private SchedClass sched;
    private long now;
    private long seq;
    private long contextSwitches;
    private long eventsProcessed;
    /** The CPU whose event is being processed, -1 for events of no CPU (forks, wakeups, timers). */
    private int runningOn = -1;

    public SimKernel(KernelConfig config, SchedClass sched) {
        this.config = config;
        this.cpus = new Cpu[config.cpus()];
        for (int i = 0; i < cpus.length; i++) cpus[i] = new Cpu(i);
        this.tickArmed = new boolean[cpus.length];
        this.seeds = new SplittableRandom(config.seed());
        this.sched = sched;
        sched.attach(this);
    }

    public void addTracepoints(Tracepoints t) {
        tracepoints.add(t);
    }

    public KernelConfig config() {
        return config;
    }

    public long now() {
        return now;
    }

    public int nrCpus() {
        return cpus.length;
    }

    public Cpu cpu(int id) {
        return cpus[id];
    }

    public SchedClass schedClass() {
        return sched;
    }

    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    public long contextSwitches() {
        return contextSwitches;
    }

    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Creates a task that forks at {@code at} (kernel: copy_process + wake_up_new_task). */
    public Task spawn(long at, String comm, int weight, BitSet cpusAllowed, Behaviour behaviour) {
        BitSet allowed = (BitSet) cpusAllowed.clone();
        allowed.clear(cpus.length, Math.max(cpus.length, allowed.length()));
        if (allowed.isEmpty()) throw new IllegalArgumentException(comm + ": no allowed CPU among " + cpus.length);
        Task t = new Task(tasks.size() + 1, comm, weight, allowed, behaviour, seeds.nextLong());
        tasks.add(t);
        post(Math.max(at, now), new Event.Fork(t));
        return t;
    }

    /** Every CPU of this machine. */
    public BitSet allCpus() {
        BitSet b = new BitSet(cpus.length);
        b.set(0, cpus.length);
        return b;
    }

    /**
     * Asks {@code cpu} to pick again (kernel: resched_curr): at once when it is the CPU the caller
     * runs on, after the IPI latency otherwise.
     */
    public void resched(int cpu) {
        Cpu c = cpus[cpu];
        if (c.reschedPending) return;
        c.reschedPending = true;
        post(now + (cpu == runningOn ? 0 : config.ipiNs()), new Event.Resched(cpu));
    }

    /** Runs {@code action} at virtual time {@code at} (kernel: an hrtimer / delayed work). */
    public void timer(long at, Runnable action) {
        post(Math.max(at, now), new Event.ClassTimer(action));
    }

    /**
     * Moves scheduling to {@code next}: every task queued in the current class is handed over,
     * running tasks are put back through the new class at their next reschedule
     * (kernel: scx_ops_disable / scx_ops_enable switching tasks between classes).
     */
    public void switchClass(SchedClass next) {
        SchedClass prev = sched;
        List<Task> moved = prev.drain();
        prev.detach(this);
        sched = next;
        next.attach(this);
        for (Task t : moved) {
            if (t.state != TaskState.QUEUED) throw new IllegalStateException(prev.name() + " drained " + t + " in state " + t.state);
            next.taskNew(t);
            int cpu = pickAllowed(t, next.selectCpu(t, Math.max(t.cpu, 0), false));
            next.enqueue(t, cpu, false);
        }
        for (Task t : tasks) if (t.state == TaskState.RUNNING || t.state == TaskState.SLEEPING) next.taskNew(t);
        for (Cpu c : cpus) resched(c.id);
    }

    /** Processes events up to virtual time {@code until} (ns); the clock then reads {@code until}. */
    public void runUntil(long until) {
        while (!events.isEmpty() && events.peek().time() <= until) {
            Event.Timed timed = events.poll();
            Event e = timed.event();
            now = timed.time();
            eventsProcessed++;
            runningOn = switch (e) {
                case Event.RunDone r -> r.cpu();
                case Event.Tick t -> t.cpu();
                case Event.Resched r -> r.cpu();
                default -> -1;
            };
            switch (e) {
                case Event.Fork f -> fork(f.task());
                case Event.Wakeup w -> inIrq(cpus[Math.max(w.task().cpu, 0)], () -> wakeUp(w.task()));
                case Event.RunDone r -> { if (cpus[r.cpu()].generation == r.generation()) runDone(cpus[r.cpu()]); }
                case Event.Tick t -> inIrq(cpus[t.cpu()], () -> tick(cpus[t.cpu()]));
                case Event.Resched r -> { cpus[r.cpu()].reschedPending = false; schedule(cpus[r.cpu()]); }
                case Event.ClassTimer t -> t.action().run();
            }
        }
        now = Math.max(now, until);
        for (Cpu c : cpus) update(c);
    }

    private void post(long at, Event e) {
        events.add(new Event.Timed(at, seq++, e));
    }

    private void fork(Task t) {
        t.createdAt = now;
        sched.taskNew(t);
        switch (nextPhase(t)) {
            case null -> retire(t);
            case Phase.Run r -> wake(t, true);
            case Phase.Sleep sl -> { } // its wakeup is posted
        }
    }

    /** HARDIRQ_OFFSET of the preempt count (kernel: include/linux/preempt.h). */
    public static final int HARDIRQ_OFFSET = 1 << 16;

    /**
     * Runs {@code body} as a hard interrupt on {@code c} (kernel: irq_enter/irq_exit): the timer tick and
     * the interrupt that ends a sleep (an IO completion or a timer, delivered to the CPU the task last ran on).
     */
    private void inIrq(Cpu c, Runnable body) {
        ExecContext saved = c.context;
        c.context = ExecContext.HARDIRQ;
        c.preemptCount += HARDIRQ_OFFSET;
        try {
            body.run();
        } finally {
            c.preemptCount -= HARDIRQ_OFFSET;
            c.context = saved;
        }
    }

    /** The sleep ended: the task's next phase decides whether it runs, sleeps again or exits. */
    private void wakeUp(Task t) {
        if (t.state != TaskState.SLEEPING) return;
        switch (nextPhase(t)) {
            case null -> retire(t);
            case Phase.Run r -> wake(t, false);
            case Phase.Sleep sl -> { } // another sleep: its wakeup is posted
        }
    }

    /** try_to_wake_up / wake_up_new_task. */
    private void wake(Task t, boolean newTask) {
        if (t.state != TaskState.SLEEPING && t.state != TaskState.NEW) return;
        t.state = TaskState.QUEUED;
        t.waitingSince = now;
        int cpu = pickAllowed(t, sched.selectCpu(t, t.cpu < 0 ? 0 : t.cpu, newTask));
        for (Tracepoints tp : tracepoints) {
            if (newTask) tp.schedWakeupNew(now, t, cpu);
            else tp.schedWakeup(now, t, cpu);
        }
        locked(cpus[cpu], () -> sched.enqueue(t, cpu, true));
        Cpu target = cpus[cpu];
        if (target.curr == null) resched(cpu);
        else if (sched.wakeupPreempt(target, target.curr, t)) resched(cpu);
    }

    /** select_fallback_rq: a CPU the task may run on when the class chose one it may not. */
    private int pickAllowed(Task t, int cpu) {
        if (cpu >= 0 && cpu < cpus.length && t.allowedOn(cpu)) return cpu;
        return t.cpusAllowed().nextSetBit(0);
    }

    private void update(Cpu c) {
        long delta = now - c.lastUpdate;
        c.lastUpdate = now;
        Task t = c.curr;
        if (t == null || delta <= 0) return;
        t.sumExecRuntime += delta;
        t.runLeft -= delta;
        c.busyNs += delta;
        sched.charge(t, delta);
    }

    private void runDone(Cpu c) {
        update(c);
        Task t = c.curr;
        if (t == null) return;
        if (t.runLeft <= 0) {
            switch (nextPhase(t)) {
                case null -> {
                    stop(c, t, false);
                    retire(t);
                    schedule(c);
                    return;
                }
                case Phase.Sleep sl -> {
                    stop(c, t, false);
                    schedule(c);
                    return;
                }
                case Phase.Run r -> { } // keeps running
            }
        }
        if (now >= c.sliceEnd) {
            schedule(c);
        } else {
            arm(c);
        }
    }

    /**
     * Moves {@code t} to its next phase and returns it: a run sets the CPU time it needs (state
     * unchanged), a sleep posts its wakeup and makes it SLEEPING; null when the task exits.
     */
    private Phase nextPhase(Task t) {
        Phase p = t.behaviour.next(t.rnd);
        switch (p) {
            case null -> { }
            case Phase.Run r -> t.runLeft = r.ns();
            case Phase.Sleep sl -> {
                t.state = TaskState.SLEEPING;
                post(now + sl.ns(), new Event.Wakeup(t));
            }
        }
        return p;
    }

    /** The running {@code t} leaves {@code c}: blocks or exits (runnable false) or is preempted (true). */
    private void stop(Cpu c, Task t, boolean runnable) {
        locked(c, () -> sched.putPrev(c, t, runnable));
    }

    private void retire(Task t) {
        t.state = TaskState.DEAD;
        t.exitedAt = now;
        sched.taskDead(t);
        for (Tracepoints tp : tracepoints) tp.schedProcessExit(now, t);
    }

    private void tick(Cpu c) {
        tickArmed[c.id] = false;
        update(c);
        Task t = c.curr;
        if (t == null) return;
        boolean resched = lockedGet(c, () -> sched.tick(c, t));
        armTick(c);
        if (resched) schedule(c);
    }

    /** __schedule on {@code c}: put the current task back if it is still runnable, pick the next. */
    private void schedule(Cpu c) {
        update(c);
        Task prev = c.curr;
        TaskState prevState = prev == null ? null : prev.state;
        if (prev != null && prev.state == TaskState.RUNNING) {
            prev.state = TaskState.QUEUED;
            prev.waitingSince = now;
            stop(c, prev, true);
        }
        Task next = lockedGet(c, () -> sched.pickNext(c));
        if (next != null) {
            if (next.state != TaskState.QUEUED) {
                throw new IllegalStateException(sched.name() + " picked " + next + " in state " + next.state + " on CPU " + c.id);
            }
            if (!next.allowedOn(c.id)) throw new IllegalStateException(sched.name() + " picked " + next + " on a CPU it may not use: " + c.id);
        }
        if (next != prev) {
            // as __schedule: the tracepoint fires only when the CPU really switches
            for (Tracepoints tp : tracepoints) tp.schedSwitch(now, c.id, prev, prevState == TaskState.RUNNING ? TaskState.QUEUED : prevState, next);
            contextSwitches++;
        }
        c.curr = next;
        c.generation++;
        if (next == null) return;
        next.state = TaskState.RUNNING;
        next.cpu = c.id;
        next.runningSince = now;
        next.nrSwitches++;
        locked(c, () -> sched.running(c, next));
        c.sliceEnd = now + Math.max(1, sched.slice(next));
        arm(c);
        armTick(c);
    }

    private void arm(Cpu c) {
        Task t = c.curr;
        long at = now + Math.max(1, Math.min(t.runLeft, c.sliceEnd - now));
        post(at, new Event.RunDone(c.id, ++c.generation));
    }

    private void armTick(Cpu c) {
        if (tickArmed[c.id] || c.curr == null) return;
        long period = config.tickNs();
        tickArmed[c.id] = true;
        post((now / period + 1) * period, new Event.Tick(c.id));
    }

    private void locked(Cpu c, Runnable r) {
        boolean was = c.rqLocked;
        c.rqLocked = true;
        try {
            r.run();
        } finally {
            c.rqLocked = was;
        }
    }

    private <T> T lockedGet(Cpu c, java.util.function.Supplier<T> s) {
        boolean was = c.rqLocked;
        c.rqLocked = true;
        try {
            return s.get();
        } finally {
            c.rqLocked = was;
        }
    }

    /**
     * The kernel's bookkeeping holds: every live task is in exactly one place — running on one CPU,
     * queued in the class, or sleeping with a wakeup pending — and no task runs on two CPUs.
     * Returns each violation as a line; empty when all hold.
     */
    public List<String> invariantViolations() {
        List<String> out = new ArrayList<>();
        java.util.Map<Task, Integer> runningOn = new java.util.IdentityHashMap<>();
        for (Cpu c : cpus) {
            if (c.curr == null) continue;
            Integer other = runningOn.put(c.curr, c.id);
            if (other != null) out.add(c.curr + " runs on CPUs " + other + " and " + c.id);
            if (c.curr.state != TaskState.RUNNING) out.add(c.curr + " is on CPU " + c.id + " in state " + c.curr.state);
        }
        java.util.Set<Task> queued = identitySet();
        for (Task t : sched.queued()) {
            if (!queued.add(t)) out.add(t + " is queued twice in " + sched.name());
            if (t.state != TaskState.QUEUED) out.add(t + " is queued in " + sched.name() + " in state " + t.state);
        }
        for (Task t : lost(runningOn.keySet(), queued)) out.add(t + " is lost: " + t.state + " but not where that state says");
        return out;
    }

    /** Tasks that are nowhere their state says they are (kernel: a task no CPU will ever run again). */
    public List<Task> lostTasks() {
        java.util.Set<Task> running = identitySet();
        for (Cpu c : cpus) if (c.curr != null) running.add(c.curr);
        java.util.Set<Task> queued = identitySet();
        queued.addAll(sched.queued());
        return lost(running, queued);
    }

    private static java.util.Set<Task> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    private List<Task> lost(java.util.Set<Task> running, java.util.Set<Task> queued) {
        java.util.Set<Task> sleeping = identitySet();
        for (Event.Timed e : events) if (e.event() instanceof Event.Wakeup w) sleeping.add(w.task());
        List<Task> out = new ArrayList<>();
        for (Task t : tasks) {
            boolean ok = switch (t.state) {
                case NEW -> t.createdAt < 0;
                case RUNNING -> running.contains(t);
                case QUEUED -> queued.contains(t);
                case SLEEPING -> sleeping.contains(t);
                case DEAD -> t.exitedAt >= 0;
            };
            if (!ok) out.add(t);
        }
        return out;
    }

    /** Throws with every violation when {@link #invariantViolations()} finds any. */
    public void checkInvariants() {
        List<String> v = invariantViolations();
        if (!v.isEmpty()) throw new IllegalStateException(String.join("; ", v));
    }
}
