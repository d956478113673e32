/** What a simulation run measured: run-queue latency, fairness, throughput, switches, utilisation. */
package io.kflab.sim.metrics;
