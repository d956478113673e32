package io.kflab.verifier.resolve.design;

import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.resolve.ResolutionContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The verifier's hard-coded substitutions (kernel: specialize_kfunc in kernel/bpf/verifier.c): same
 * BTF id, another implementation chosen from facts the verifier knows. Rows as kfunc-designs.md (e)
 * lists them; kflab rewrites the call to the substitute's id (the kernel patches only the address).
 */
public record SpecializeTable(List<Row> rows) {
    public SpecializeTable {
        rows = List.copyOf(rows);
    }

    /** One substitution: when {@code when} holds at the call site, {@code kfunc} runs as {@code substitute}. */
    public record Row(String kfunc, String condition, Predicate<ResolutionContext> when, String substitute, String since) {
        public Row {
            Objects.requireNonNull(kfunc);
            Objects.requireNonNull(condition);
            Objects.requireNonNull(when);
            Objects.requireNonNull(substitute);
            Objects.requireNonNull(since);
        }
    }

    /** The first row for this kfunc whose condition holds. */
    public Optional<Row> match(String kfunc, ResolutionContext ctx) {
        return rows.stream().filter(r -> r.kfunc().equals(kfunc) && r.when().test(ctx)).findFirst();
    }

    /**
     * 6.12 verifier.c may_access_direct_pkt_data(BPF_WRITE) (5836-5866): the program types that may
     * write packet data; bpf_dynptr_from_skb is specialized to _rdonly for every other type (20930).
     */
    static final Set<ProgType> WRITES_PACKETS = EnumSet.of(ProgType.SCHED_CLS, ProgType.SCHED_ACT, ProgType.XDP,
            ProgType.LWT_XMIT, ProgType.SK_SKB, ProgType.SK_MSG, ProgType.CGROUP_SOCKOPT);

    /** LSM hooks that already hold the inode lock (kfunc-designs (e), 6.15). */
    static final Set<String> INODE_LOCKED_HOOKS = Set.of("bpf_lsm_inode_setxattr", "bpf_lsm_inode_post_setxattr",
            "bpf_lsm_inode_removexattr", "bpf_lsm_inode_post_removexattr", "bpf_lsm_inode_setattr", "bpf_lsm_inode_post_setattr",
            "bpf_lsm_inode_unlink", "bpf_lsm_inode_rmdir", "bpf_lsm_path_unlink", "bpf_lsm_path_rmdir");

    /** The upstream rows. */
    public static SpecializeTable upstream() {
        Predicate<ResolutionContext> devBound = c -> c.calling().progType() == ProgType.XDP && c.attachFunc().filter("dev_bound"::equals).isPresent();
        Predicate<ResolutionContext> inodeLocked = c -> c.calling().progType() == ProgType.LSM
                && c.attachFunc().filter(INODE_LOCKED_HOOKS::contains).isPresent();
        Predicate<ResolutionContext> sleepable = c -> c.calling().sleepable();
        return new SpecializeTable(List.of(
                new Row("bpf_xdp_metadata_rx_hash", "device-bound XDP program", devBound, "xmo_rx_hash of the device's xdp_metadata_ops", "6.3"),
                new Row("bpf_xdp_metadata_rx_timestamp", "device-bound XDP program", devBound, "xmo_rx_timestamp of the device's xdp_metadata_ops", "6.3"),
                new Row("bpf_xdp_metadata_rx_vlan_tag", "device-bound XDP program", devBound, "xmo_rx_vlan_tag of the device's xdp_metadata_ops", "6.8"),
                new Row("bpf_dynptr_from_skb", "program type may not write packet data",
                        c -> !WRITES_PACKETS.contains(c.calling().progType()), "bpf_dynptr_from_skb_rdonly", "6.4"),
                new Row("bpf_set_dentry_xattr", "LSM hook holds the inode lock", inodeLocked, "bpf_set_dentry_xattr_locked", "6.15"),
                new Row("bpf_remove_dentry_xattr", "LSM hook holds the inode lock", inodeLocked, "bpf_remove_dentry_xattr_locked", "6.15"),
                new Row("bpf_dynptr_from_file", "call site is sleepable", sleepable, "bpf_dynptr_from_file_sleepable", "6.19"),
                new Row("bpf_arena_alloc_pages", "call site is not sleepable", sleepable.negate(), "bpf_arena_alloc_pages_non_sleepable", "7.3"),
                new Row("bpf_arena_free_pages", "call site is not sleepable", sleepable.negate(), "bpf_arena_free_pages_non_sleepable", "7.3")));
    }
}
