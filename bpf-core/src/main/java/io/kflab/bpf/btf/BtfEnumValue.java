package io.kflab.bpf.btf;

/**
 * One enumerator (kernel: struct btf_enum or struct btf_enum64). The value is sign- or
 * zero-extended to 64 bits according to the enum's signedness.
 */
public record BtfEnumValue(String name, long value) {}
