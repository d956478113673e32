package io.kflab.catalog.scan;

/** One parameter of a {@code __bpf_kfunc} prototype: type text, name (suffix included) and full text. */
public record KfuncParam(String type, String name, String text) {}
