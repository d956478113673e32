/** PNG plots of simulation results (XChart): run-queue latency CDFs and per-CPU utilisation. */
package io.kflab.sim.plot;
