package io.kflab.sim.scx;

import io.kflab.sim.kernel.Task;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * A dispatch queue (kernel: struct scx_dispatch_q): FIFO, or ordered by {@code dsq_vtime} (PRIQ);
 * one queue may not mix the two, and built-in queues are FIFO only.
 */
public final class Dsq {
    public final long id;
    private final Deque<Task> fifo = new ArrayDeque<>();
    private final TreeSet<Task> priq = new TreeSet<>(Comparator.<Task>comparingLong(t -> ScxTask.of(t).dsqVtime)
            .thenComparingLong(t -> ScxTask.of(t).dsqSeq).thenComparingInt(t -> t.pid));
    private long seq;

    Dsq(long id) {
        this.id = id;
    }

    public int nrQueued() {
        return fifo.size() + priq.size();
    }

    boolean hasFifo() {
        return !fifo.isEmpty();
    }

    boolean hasPriq() {
        return !priq.isEmpty();
    }

    void insert(Task p, boolean head) {
        ScxTask.of(p).dsq = this;
        if (head) fifo.addFirst(p);
        else fifo.addLast(p);
    }

    void insertVtime(Task p) {
        ScxTask x = ScxTask.of(p);
        x.dsq = this;
        x.dsqSeq = seq++;
        priq.add(p);
    }

    /** The first task that may run on {@code cpu}, removed; null when none. */
    Task pollFor(int cpu) {
        for (var it = fifo.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (t.allowedOn(cpu)) {
                it.remove();
                ScxTask.of(t).dsq = null;
                return t;
            }
        }
        for (var it = priq.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (t.allowedOn(cpu)) {
                it.remove();
                ScxTask.of(t).dsq = null;
                return t;
            }
        }
        return null;
    }

    boolean remove(Task t) {
        boolean r = fifo.remove(t) || priq.remove(t);
        if (r) ScxTask.of(t).dsq = null;
        return r;
    }

    List<Task> tasks() {
        List<Task> out = new ArrayList<>(fifo);
        out.addAll(priq);
        return out;
    }

    List<Task> drain() {
        List<Task> out = tasks();
        fifo.clear();
        priq.clear();
        for (Task t : out) ScxTask.of(t).dsq = null;
        return out;
    }
}
