/**
 * The CGO'22 tnum paper's reproduction (papers/tnum-cgo22): exhaustive soundness and multiplication
 * precision at small widths, worked examples, and the runner that writes RESULTS.md.
 */
package io.kflab.papers.tnum;
