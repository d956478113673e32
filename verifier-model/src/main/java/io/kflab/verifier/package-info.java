/**
 * The verifier model (kernel: {@code kernel/bpf/verifier.c}): register and stack state, bounds,
 * references and contexts. Content arrives with the verifier-model issue.
 */
package io.kflab.verifier;
