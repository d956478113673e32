/** Context layouts per program type (kernel: bpf_verifier_ops.is_valid_access). */
package io.kflab.verifier.ctx;
