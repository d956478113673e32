package io.kflab.verifier.structops.model;

import io.kflab.verifier.structops.ProgAttrs;
import java.util.List;

/**
 * The bpf(2) commands of the struct_ops lifecycle with raw fd numbers, implemented by the model kernel
 * and by the running kernel, so that one scenario runs on both. Failures are answers, never exceptions.
 */
public interface StructOpsSyscalls extends AutoCloseable {
    /** An fd number no process has open (the kernel answers EBADF). */
    int BAD_FD = 999_999;

    /** BPF_PROG_LOAD of a BPF_PROG_TYPE_STRUCT_OPS program. */
    SysResult progLoad(ProgAttrs attrs, ProgBody body);

    /** BPF_BTF_LOAD of a minimal user BTF object. */
    SysResult btfLoadUser();

    /** An fd for the kernel's own (vmlinux) BTF object. */
    SysResult btfKernel();

    /** BPF_MAP_CREATE of a BPF_MAP_TYPE_STRUCT_OPS map. */
    SysResult mapCreate(MapAttrs attrs);

    /** BPF_MAP_UPDATE_ELEM with a 4-byte key. */
    SysResult mapUpdate(int mapFd, int key, byte[] value, long flags);

    /** BPF_MAP_DELETE_ELEM with a 4-byte key. */
    SysResult mapDelete(int mapFd, int key);

    /** BPF_MAP_LOOKUP_ELEM with a 4-byte key; data is the value. */
    SysResult mapLookup(int mapFd, int key);

    /** BPF_LINK_CREATE with attach type BPF_STRUCT_OPS. */
    SysResult linkCreate(int mapFd);

    /** BPF_LINK_UPDATE of a struct_ops link (new_map_fd, flags, old_map_fd). */
    SysResult linkUpdate(int linkFd, int newMapFd, int flags, int oldMapFd);

    /** BPF_LINK_DETACH. */
    SysResult linkDetach(int linkFd);

    /** BPF_PROG_TEST_RUN; value is retval, data the state's 4 bytes after the run (when there is a state). */
    SysResult testRun(int progFd, TestRunArgs args);

    /** close(2). */
    void close(int fd);

    /** The registered TCP congestion controls (kernel: tcp_available_congestion_control). */
    List<String> tcpAvailable();

    /** Closes every fd still open. */
    @Override
    void close();
}
