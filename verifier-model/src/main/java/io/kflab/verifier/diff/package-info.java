/** The verifier model against the running kernel on generated programs (kernel: BPF_PROG_LOAD as the oracle). */
package io.kflab.verifier.diff;
