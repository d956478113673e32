/** Seeded synthetic workloads for the simulated kernel: which tasks arrive when and what each does. */
package io.kflab.sim.workload;
