/**
 * BPF schedulers for the simulated sched_ext: struct_ops member programs in BPF assembly, run by
 * the BPF runtime, calling the scx kfuncs; the task_struct they see; and the shipped examples.
 */
package io.kflab.sim.scx.bpf;
