/**
 * Syntax-level scanner for the kfunc declarations of kernel C sources (kfunc sets, {@code
 * BTF_ID_FLAGS}, {@code struct btf_kfunc_id_set} initialisers, {@code register_btf_kfunc_id_set}
 * calls, {@code __bpf_kfunc} prototypes, KF_* bits, the hook switch, the verifier's argument
 * suffixes). An ANTLR4 island grammar ({@code KfuncScan.g4}) picks these out and skips everything
 * else; odd forms become {@link io.kflab.catalog.scan.ScanWarning}s, never exceptions.
 */
package io.kflab.catalog.scan;
