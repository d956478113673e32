package io.kflab.sim.kernel;

/** Something that happens at a virtual time (the time and the tie-breaking order live in {@link Timed}). */
sealed interface Event {
    /** A new task appears (kernel: fork + wake_up_new_task). */
    record Fork(Task task) implements Event {}

    /** A sleeping task is woken (kernel: try_to_wake_up). */
    record Wakeup(Task task) implements Event {}

    /** The current run on a CPU reaches its phase or slice end (valid only for the generation it was set in). */
    record RunDone(int cpu, long generation) implements Event {}

    /** The periodic scheduler tick of a busy CPU (kernel: sched_tick at HZ). */
    record Tick(int cpu) implements Event {}

    /** A CPU must pick again (kernel: the resched IPI / need_resched at the next preemption point). */
    record Resched(int cpu) implements Event {}

    /** A scheduling-class timer (e.g. sched_ext's watchdog). */
    record ClassTimer(Runnable action) implements Event {}

    /** An event with its time and creation order: events run by time, then in the order they were posted. */
    record Timed(long time, long seq, Event event) implements Comparable<Timed> {
        @Override
        public int compareTo(Timed o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }
}
