/**
 * The cost per call of a context-sensitive kfunc (scx_bpf_dsq_insert) under each resolution design:
 * the modelled mechanisms, a dispatch-loop BPF program run in the BPF runtime, and the report (JSON,
 * bar chart) the benchmarks and the polymorphic-kfuncs paper share.
 */
package io.kflab.bench.dispatch;
