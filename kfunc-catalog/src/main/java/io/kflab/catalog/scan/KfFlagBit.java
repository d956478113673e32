package io.kflab.catalog.scan;

/** A KF_* kfunc flag definition {@code #define KF_NAME (1 << bit)} (include/linux/btf.h). */
public record KfFlagBit(String name, int bit, SourceLine at) {}
