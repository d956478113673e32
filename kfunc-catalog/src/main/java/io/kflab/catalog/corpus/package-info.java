/**
 * Kernel source corpora: the Debian {@code linux-source-X.Y} packages, fetched with {@code apt-get
 * download} into the kflab cache and reduced, while streaming, to the files kflab reads (BTF and
 * BPF headers, kernel/bpf, kfunc-declaring C files, verifier selftests). Layout: docs/corpus.md.
 */
package io.kflab.catalog.corpus;
