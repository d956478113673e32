package io.kflab.bpf.sys;

/** A loaded BTF object (kernel: struct btf behind an fd, from BPF_BTF_LOAD or BPF_BTF_GET_FD_BY_ID). */
public final class BtfFd extends BpfFd {
    BtfFd(int fd) {
        super(fd);
    }
}
