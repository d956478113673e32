/**
 * The struct_ops map and link lifecycle as a deterministic model kernel ({@link io.kflab.verifier.structops.model.ModelKernel}):
 * an fd table of programs, maps, links and BTF objects, and the bpf(2) commands of
 * {@link io.kflab.verifier.structops.model.StructOpsSyscalls} with the kernel's states and errnos.
 */
package io.kflab.verifier.structops.model;
