package io.kflab.catalog.dsl;

/** A KF_* flag named in a kfunc declaration or a set entry ({@code KF_ACQUIRE}). */
public record Flag(String name, Loc loc) implements Node {}
