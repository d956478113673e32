/**
 * Probing the running kernel's kfunc allow lists (kernel: {@code check_kfunc_call} →
 * {@code fetch_kfunc_meta} → {@code btf_kfunc_id_set_contains}, the per-hook kfunc sets and their
 * filters): every kfunc × every calling context is loaded as a minimal caller and the verifier's
 * answer is classified. Entry point: {@link io.kflab.catalog.probe.KfuncProbe}; results are
 * {@link io.kflab.catalog.probe.ProbeResult}s, cached per kernel build by
 * {@link io.kflab.catalog.probe.ProbeCache}.
 */
package io.kflab.catalog.probe;
