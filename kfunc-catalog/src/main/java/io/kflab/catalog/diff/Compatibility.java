package io.kflab.catalog.diff;

/** What a catalog change means for an existing BPF program built against the old kernel. */
public enum Compatibility { BREAKING, COMPATIBLE }
