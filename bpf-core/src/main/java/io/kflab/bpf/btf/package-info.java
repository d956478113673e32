/**
 * The BPF Type Format (kernel: include/uapi/linux/btf.h): a reader for raw BTF blobs such as
 * /sys/kernel/btf/vmlinux ({@link io.kflab.bpf.btf.Btf}), one record per BTF kind
 * ({@link io.kflab.bpf.btf.BtfType}), a C-like renderer and a writer. Malformed blobs are
 * reported as {@link io.kflab.bpf.diag.BadInputException}.
 */
package io.kflab.bpf.btf;
