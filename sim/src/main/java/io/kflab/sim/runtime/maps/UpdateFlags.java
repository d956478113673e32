package io.kflab.sim.runtime.maps;

/** The flags of map updates (kernel: BPF_ANY, BPF_NOEXIST, BPF_EXIST, BPF_F_LOCK) and their checks. */
public final class UpdateFlags {
    private UpdateFlags() {}

    public static final long BPF_ANY = 0;
    public static final long BPF_NOEXIST = 1;
    public static final long BPF_EXIST = 2;
    public static final long BPF_F_LOCK = 4;

    /** -EINVAL for unknown flags, and for BPF_F_LOCK (no map here has a bpf_spin_lock); 0 when fine. */
    public static int check(long flags) {
        if ((flags & ~BPF_F_LOCK) > BPF_EXIST) return -Errno.EINVAL;
        return 0;
    }

    /** The existence checks of hash maps (kernel: check_flags). */
    public static int checkExistence(long flags, boolean exists) {
        long f = flags & ~BPF_F_LOCK;
        if (exists && f == BPF_NOEXIST) return -Errno.EEXIST;
        if (!exists && f == BPF_EXIST) return -Errno.ENOENT;
        return 0;
    }
}
