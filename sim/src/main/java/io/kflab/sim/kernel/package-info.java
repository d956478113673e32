/**
 * The simulated kernel: a deterministic discrete-event engine with a virtual clock in ns, CPUs
 * with run-queue locks and execution contexts, tasks, a pluggable scheduling class
 * (kernel: struct sched_class) and the sched tracepoints.
 */
package io.kflab.sim.kernel;
