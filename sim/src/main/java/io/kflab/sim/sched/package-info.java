/** Scheduling classes of the simulated kernel: the default fair class (and, later, sched_ext). */
package io.kflab.sim.sched;
