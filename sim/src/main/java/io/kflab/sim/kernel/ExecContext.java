package io.kflab.sim.kernel;

/** The context code runs in on a CPU (kernel: in_task() / in_serving_softirq() / in_hardirq() / in_nmi()). */
public enum ExecContext {
    TASK, SOFTIRQ, HARDIRQ, NMI
}
