package io.kflab.sim.kernel;

/** One step of a task's behaviour: run on a CPU for some time, or block for some time. */
public sealed interface Phase {
    /** Needs {@code ns} of CPU time before its next phase. */
    record Run(long ns) implements Phase {
        public Run {
            if (ns <= 0) throw new IllegalArgumentException("run time must be positive: " + ns);
        }
    }

    /** Blocks for {@code ns}, then is woken (kernel: sleep, then try_to_wake_up from a timer or IO). */
    record Sleep(long ns) implements Phase {
        public Sleep {
            if (ns <= 0) throw new IllegalArgumentException("sleep time must be positive: " + ns);
        }
    }
}
