package io.kflab.catalog.scan;

/**
 * A bare macro name inside a kfunc set (e.g. {@code XDP_METADATA_KFUNC_xxx}): entries generated
 * by the preprocessor, which the scanner expands when it finds the macros' definitions.
 */
public record MacroUse(String set, String macro, SourceLine at) {}
