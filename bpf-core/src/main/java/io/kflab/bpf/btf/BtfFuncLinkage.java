package io.kflab.bpf.btf;

/** Linkage of a BTF_KIND_FUNC (kernel: enum btf_func_linkage, stored in vlen). */
public enum BtfFuncLinkage { STATIC, GLOBAL, EXTERN }
