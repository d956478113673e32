/**
 * JMH benchmarks: BTF parsing against bpftool, assembler and disassembler throughput; later the
 * catalog, the verifier model against the kernel, dispatch overhead and the simulation.
 */
package io.kflab.bench;
