package io.kflab.sim.workload;

import io.kflab.sim.kernel.Behaviour;
import io.kflab.sim.kernel.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generates the tasks of a workload from a seed: the same kind, count, duration and seed give the same tasks. */
public final class Workloads {
    private Workloads() {}

    static final long MS = 1_000_000, US = 1_000;
    /** Weights of nice -5..5 (kernel: sched_prio_to_weight), for weighted workloads. */
    static final int[] NICE_WEIGHTS = {3121, 2501, 1991, 1586, 1277, 1024, 820, 655, 526, 423, 335};

    public static List<TaskSpec> generate(WorkloadKind kind, int tasks, long durationNs, long seed, boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5eed_0f_ca11L);
        List<TaskSpec> out = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            int weight = weighted ? NICE_WEIGHTS[rnd.nextInt(NICE_WEIGHTS.length)] : 1024;
            out.add(switch (kind) {
                case CPU -> cpu(i, rnd.nextLong(10 * MS), weight);
                case IO -> io(i, rnd.nextLong(10 * MS), weight);
                case MIXED -> i % 2 == 0 ? cpu(i, rnd.nextLong(10 * MS), weight) : io(i, rnd.nextLong(10 * MS), weight);
                case BURSTY -> {
                    long bursts = Math.max(1, durationNs / (100 * MS));
                    long at = (i % bursts) * 100 * MS + rnd.nextLong(MS);
                    yield new TaskSpec(at, "burst-" + i, weight, false, job(2 * MS, 10 * MS, true));
                }
                case SHORT -> new TaskSpec(rnd.nextLong(Math.max(1, durationNs)), "short-" + i, weight, false,
                        job(100 * US, 2 * MS, false));
            });
        }
        return out;
    }

    private static TaskSpec cpu(int i, long at, int weight) {
        return new TaskSpec(at, "cpu-" + i, weight, true,
                alternate(r -> 50 * MS + r.nextLong(150 * MS), r -> 100 * US + r.nextLong(MS)));
    }

    private static TaskSpec io(int i, long at, int weight) {
        return new TaskSpec(at, "io-" + i, weight, false,
                alternate(r -> 20 * US + r.nextLong(180 * US), r -> 500 * US + r.nextLong(4500 * US)));
    }

    /** Run, sleep, run, sleep, ... forever. */
    private static Behaviour alternate(java.util.function.ToLongFunction<SplittableRandom> run,
                                       java.util.function.ToLongFunction<SplittableRandom> sleep) {
        boolean[] running = {false};
        return r -> {
            running[0] = !running[0];
            return running[0] ? new Phase.Run(run.applyAsLong(r)) : new Phase.Sleep(sleep.applyAsLong(r));
        };
    }

    /** Runs for a random total between {@code min} and {@code max} (in pieces with short sleeps when {@code pieces}), then exits. */
    private static Behaviour job(long min, long max, boolean pieces) {
        long[] left = {-1};
        boolean[] sleepNext = {false};
        return r -> {
            if (left[0] < 0) left[0] = min + r.nextLong(max - min);
            if (left[0] == 0) return null;
            if (sleepNext[0]) {
                sleepNext[0] = false;
                return new Phase.Sleep(50 * US + r.nextLong(450 * US));
            }
            long piece = pieces ? Math.min(left[0], 200 * US + r.nextLong(MS)) : left[0];
            left[0] -= piece;
            sleepNext[0] = pieces && left[0] > 0;
            return new Phase.Run(piece);
        };
    }
}
