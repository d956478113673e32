package io.kflab.catalog.dsl;

/** Any element of a design file's syntax tree; every node knows where it was written. */
public sealed interface Node permits Decl, Predicate, Name, CType, Param, Prototype, Flag, SetEntry, SetFilter,
        AllowRule, OpsMember, Variant, DesignFile {
    Loc loc();
}
