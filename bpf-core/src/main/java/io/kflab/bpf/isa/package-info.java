/**
 * The BPF instruction set (RFC 9669 plus the Linux pseudo forms) as values: one record per
 * instruction kind, the 8-byte wire format, and the kernel's reserved-field rules.
 */
package io.kflab.bpf.isa;
