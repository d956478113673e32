/** Scenarios (a machine, a scheduler, a workload, a duration, a seed) and running them to a result. */
package io.kflab.sim.scenario;
