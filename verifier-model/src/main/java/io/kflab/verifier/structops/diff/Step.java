package io.kflab.verifier.structops.diff;

import io.kflab.verifier.structops.model.ProgBody;
import io.kflab.verifier.structops.model.TestRunArgs;

/**
 * One bpf(2) command of a scenario, naming objects by handle: created objects get the handle {@code as};
 * references may be a handle, {@code #bad} (an fd nobody has open) or {@code #0} (fd 0 as a "none").
 */
public sealed interface Step {
    /** BPF_BTF_LOAD of a minimal BTF ({@code kernel}: an fd for vmlinux BTF instead). */
    record Btf(String as, boolean kernel) implements Step {}

    /**
     * BPF_PROG_LOAD for {@code type}'s member {@code member} (or the raw {@code index} when member is
     * null); {@code btfId} replaces the struct's id when not null.
     */
    record Load(String as, String type, String member, Integer index, Integer btfId, int flags, String license,
                ProgBody body) implements Step {}

    /** BPF_MAP_CREATE of {@code type}'s struct_ops map, with optional faults. */
    record Map(String as, String type, int flags, String btf, int keySize, int maxEntries, int valueSizeDelta,
               Integer valueTypeId, String vtypeBtf) implements Step {}

    /** BPF_MAP_UPDATE_ELEM. */
    record Update(String map, ValueSpec value, int key, long flags) implements Step {}

    /** BPF_MAP_DELETE_ELEM. */
    record Delete(String map, int key) implements Step {}

    /** BPF_MAP_LOOKUP_ELEM, reporting state, estimated refcnt and implemented members. */
    record Lookup(String map, int key) implements Step {}

    /** BPF_LINK_CREATE (attach type BPF_STRUCT_OPS). */
    record Link(String as, String map) implements Step {}

    /** BPF_LINK_UPDATE. */
    record LinkUpdate(String link, String newMap, int flags, String oldMap) implements Step {}

    /** BPF_LINK_DETACH. */
    record Detach(String link) implements Step {}

    /** close(2) of a handle. */
    record Close(String handle) implements Step {}

    /** BPF_PROG_TEST_RUN. */
    record TestRun(String prog, TestRunArgs args) implements Step {}

    /** Whether a tcp congestion control name is registered (value 1) or not (0). */
    record Available(String tcpName) implements Step {}
}
