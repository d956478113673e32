package io.kflab.bpf.btf;

/** Linkage of a BTF_KIND_VAR (kernel: BTF_VAR_STATIC, BTF_VAR_GLOBAL_ALLOCATED, BTF_VAR_GLOBAL_EXTERN). */
public enum BtfVarLinkage { STATIC, GLOBAL_ALLOCATED, GLOBAL_EXTERN }
