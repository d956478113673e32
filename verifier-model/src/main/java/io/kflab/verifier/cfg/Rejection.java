package io.kflab.verifier.cfg;

/** A load refused before the walk, with the kernel's errno name and log message ("" when the kernel logs none). */
public record Rejection(String errno, String message) {}
