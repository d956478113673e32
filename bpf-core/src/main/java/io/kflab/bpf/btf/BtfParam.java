package io.kflab.bpf.btf;

/** A parameter of a function prototype (kernel: struct btf_param). */
public record BtfParam(String name, int type) {}
