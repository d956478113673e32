package io.kflab.verifier.resolve;

/** Where the kernel may run a callback (kernel: in_task() / in_serving_softirq() / in_hardirq() / in_nmi()). */
public enum ExecContext { TASK, SOFTIRQ, HARDIRQ, NMI }
