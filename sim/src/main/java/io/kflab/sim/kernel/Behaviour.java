package io.kflab.sim.kernel;

import java.util.SplittableRandom;

/** What a task does, phase after phase; null from {@link #next} means the task exits (kernel: do_exit). */
@FunctionalInterface
public interface Behaviour {
    /** The next phase, drawn from the task's own random stream; null to exit. */
    Phase next(SplittableRandom rnd);
}
