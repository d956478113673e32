package io.kflab.sim.metrics;

/** A run-queue latency distribution in microseconds (what runqslower's histogram mode would summarise). */
public record Latency(double p50, double p90, double p99, double max, int samples) {}
