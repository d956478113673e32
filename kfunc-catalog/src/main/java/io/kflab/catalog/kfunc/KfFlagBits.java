package io.kflab.catalog.kfunc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The bit of each KF_* flag in one kernel version (kernel: the KF_* macros of include/linux/btf.h). */
public record KfFlagBits(String version, Map<String, Integer> bits) {
    public KfFlagBits {
        Objects.requireNonNull(version);
        bits = Map.copyOf(bits);
        if (bits.values().stream().distinct().count() != bits.size()) {
            throw new IllegalArgumentException("two KF_* flags share a bit in " + version + ": " + bits);
        }
    }

    /** The table of a known version (6.1, 6.12, 6.18, 7.3), or of the newest known not newer than {@code version}. */
    public static KfFlagBits forVersion(String version) {
        String v = KernelVersions.nearest(version);
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("KF_ACQUIRE", 0);
        m.put("KF_RELEASE", 1);
        m.put("KF_RET_NULL", 2);
        if (v.equals("6.1")) m.put("KF_KPTR_GET", 3);
        if (!v.equals("7.3")) m.put("KF_TRUSTED_ARGS", 4);
        m.put("KF_SLEEPABLE", 5);
        m.put("KF_DESTRUCTIVE", 6);
        if (!v.equals("6.1")) {
            m.put("KF_RCU", 7);
            m.put("KF_ITER_NEW", 8);
            m.put("KF_ITER_NEXT", 9);
            m.put("KF_ITER_DESTROY", 10);
            m.put("KF_RCU_PROTECTED", 11);
        }
        if (v.equals("6.18") || v.equals("7.3")) {
            m.put("KF_FASTCALL", 12);
            m.put("KF_ARENA_RET", 13);
            m.put("KF_ARENA_ARG1", 14);
            m.put("KF_ARENA_ARG2", 15);
        }
        if (v.equals("7.3")) {
            m.put("KF_IMPLICIT_ARGS", 16);
            m.put("KF_SPINLOCK_SAFE", 17);
            m.put("KF_PERFMON", 18);
        }
        return new KfFlagBits(v, m);
    }

    /** The flag word for these names; IllegalArgumentException for a name this version lacks. */
    public long encode(Set<String> names) {
        long w = 0;
        for (String n : names) {
            Integer b = bits.get(n);
            if (b == null) throw new IllegalArgumentException(n + " does not exist in " + version + "; it has " + new TreeSet<>(bits.keySet()));
            w |= 1L << b;
        }
        return w;
    }

    /** The flag names of a flag word; IllegalArgumentException for a bit no flag of this version uses. */
    public KfFlags decode(long word) {
        Set<String> out = new TreeSet<>();
        long rest = word;
        for (Map.Entry<String, Integer> e : bits.entrySet()) {
            if ((word & (1L << e.getValue())) != 0) {
                out.add(e.getKey());
                rest &= ~(1L << e.getValue());
            }
        }
        if (rest != 0) throw new IllegalArgumentException("flag bits 0x" + Long.toHexString(rest) + " are no KF_* flag of " + version);
        return new KfFlags.Known(out);
    }
}
