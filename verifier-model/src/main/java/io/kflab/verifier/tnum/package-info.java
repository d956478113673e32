/** Tristate numbers (kernel: kernel/bpf/tnum.c): the verifier's bit-level abstraction of scalars. */
package io.kflab.verifier.tnum;
