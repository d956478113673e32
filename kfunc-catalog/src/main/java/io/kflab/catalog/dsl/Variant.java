package io.kflab.catalog.dsl;

/** A concrete kfunc of a polymorphic family, chosen where its context predicate holds. */
public record Variant(Name kfunc, Predicate when, Loc loc) implements Node {}
