/**
 * sched_ext in the simulated kernel (kernel: kernel/sched/ext.c of 6.12): dispatch queues, the
 * ops a BPF scheduler implements, the scx kfuncs with their calling-context checks under each
 * resolution design, direct and buffered dispatch, the watchdog, and ejection back to the fair
 * class with an exit reason and a debug dump.
 */
package io.kflab.sim.scx;
