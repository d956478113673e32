/**
 * Reproduction of David Vernet's "polymorphic kfuncs" (LSF/MM+BPF 2024): each claim of the talk and
 * its discussion measured on kflab's design matrix, simulated sched_ext and dispatch benchmarks.
 */
package io.kflab.papers.polymorphic;
