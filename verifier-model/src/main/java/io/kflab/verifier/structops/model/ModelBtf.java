package io.kflab.verifier.structops.model;

/** A BTF object in the model (kernel: struct btf); {@code kernel} for vmlinux/module BTF, else user-loaded. */
record ModelBtf(boolean kernel) {}
