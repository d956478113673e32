/**
 * Reproductions of published results (tnums CGO'22, polymorphic kfuncs LSFMM+BPF'24).
 * Content arrives with the verifier-model and designs issues.
 */
package io.kflab.papers;
