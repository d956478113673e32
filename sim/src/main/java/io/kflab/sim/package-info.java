/**
 * The kernel simulation: a BPF runtime, sched_ext as a struct_ops subsystem and tracing.
 * Content arrives with the simulation issue.
 */
package io.kflab.sim;
