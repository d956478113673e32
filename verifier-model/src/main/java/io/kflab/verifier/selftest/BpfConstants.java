package io.kflab.verifier.selftest;

import io.kflab.bpf.isa.Helpers;
import io.kflab.bpf.isa.Opcodes;
import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Named constants that selftest sources use without defining them: the uapi's BPF_* opcodes,
 * registers, flags, types and helper ids (BPF_FUNC_*), limits.h and errno values, and the test
 * harnesses' own (POINTER_VALUE, TEST_DATA_LEN, ACCEPT/REJECT, F_* flags).
 */
final class BpfConstants {
    private static final Map<String, Long> VALUES = build();

    private BpfConstants() {}

    static OptionalLong value(String name) {
        Long v = VALUES.get(name);
        if (v != null) return OptionalLong.of(v);
        if (name.startsWith("BPF_FUNC_")) {
            Integer id = Helpers.builtin().id("bpf_" + name.substring("BPF_FUNC_".length()));
            if (id != null) return OptionalLong.of(id);
        }
        return OptionalLong.empty();
    }

    private static Map<String, Long> build() {
        Map<String, Long> m = new HashMap<>();
        for (Field f : Opcodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    m.put(f.getName(), (long) f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        for (int r = 0; r <= 10; r++) m.put("BPF_REG_" + r, (long) r);
        m.put("BPF_REG_FP", 10L);
        m.put("BPF_REG_ARG1", 1L);
        m.put("BPF_PSEUDO_MAP_FD", 1L);
        m.put("BPF_PSEUDO_MAP_VALUE", 2L);
        m.put("BPF_PSEUDO_BTF_ID", 3L);
        m.put("BPF_PSEUDO_FUNC", 4L);
        m.put("BPF_PSEUDO_MAP_IDX", 5L);
        m.put("BPF_PSEUDO_MAP_IDX_VALUE", 6L);
        m.put("BPF_ATOMIC_ADD", 0L);
        m.put("BPF_NOSPEC", 0xc0L);
        m.put("BPF_MAXINSNS", 4096L);
        m.put("MAX_INSNS", 4096L);
        for (ProgType t : ProgType.values()) m.put(t.kernelName(), (long) t.value());
        m.put("BPF_PROG_TYPE_UNSPEC", 0L);
        for (MapType t : MapType.values()) m.put(t.kernelName(), (long) t.value());
        for (AttachType t : AttachType.values()) m.put(t.kernelName(), (long) t.value());
        // prog_flags (uapi)
        m.put("BPF_F_STRICT_ALIGNMENT", 1L);
        m.put("BPF_F_ANY_ALIGNMENT", 2L);
        m.put("BPF_F_TEST_RND_HI32", 4L);
        m.put("BPF_F_TEST_STATE_FREQ", 8L);
        m.put("BPF_F_SLEEPABLE", 16L);
        m.put("BPF_F_XDP_HAS_FRAGS", 32L);
        m.put("BPF_F_XDP_DEV_BOUND_ONLY", 64L);
        m.put("BPF_F_TEST_REG_INVARIANTS", 128L);
        // map_flags (uapi)
        m.put("BPF_F_NO_PREALLOC", 1L);
        m.put("BPF_F_NO_COMMON_LRU", 2L);
        m.put("BPF_F_RDONLY", 8L);
        m.put("BPF_F_WRONLY", 16L);
        m.put("BPF_F_RDONLY_PROG", 128L);
        m.put("BPF_F_WRONLY_PROG", 256L);
        m.put("BPF_F_MMAPABLE", 1024L);
        m.put("BPF_ANY", 0L);
        m.put("BPF_NOEXIST", 1L);
        m.put("BPF_EXIST", 2L);
        m.put("BPF_F_LOCK", 4L);
        // program return codes (uapi)
        m.put("XDP_ABORTED", 0L);
        m.put("XDP_DROP", 1L);
        m.put("XDP_PASS", 2L);
        m.put("XDP_TX", 3L);
        m.put("XDP_REDIRECT", 4L);
        m.put("TC_ACT_OK", 0L);
        m.put("TC_ACT_SHOT", 2L);
        m.put("SK_DROP", 0L);
        m.put("SK_PASS", 1L);
        // limits.h on a 64-bit target, and the kernel's U32_MAX family
        m.put("INT_MIN", (long) Integer.MIN_VALUE);
        m.put("INT_MAX", (long) Integer.MAX_VALUE);
        m.put("UINT_MAX", 0xffff_ffffL);
        m.put("LLONG_MIN", Long.MIN_VALUE);
        m.put("LLONG_MAX", Long.MAX_VALUE);
        m.put("LONG_MIN", Long.MIN_VALUE);
        m.put("LONG_MAX", Long.MAX_VALUE);
        m.put("ULLONG_MAX", -1L);
        m.put("SHRT_MIN", (long) Short.MIN_VALUE);
        m.put("SHRT_MAX", (long) Short.MAX_VALUE);
        m.put("USHRT_MAX", 0xffffL);
        m.put("CHAR_MAX", 127L);
        m.put("U8_MAX", 0xffL);
        m.put("U16_MAX", 0xffffL);
        m.put("U32_MAX", 0xffff_ffffL);
        m.put("U64_MAX", -1L);
        m.put("S8_MIN", -128L);
        m.put("S8_MAX", 127L);
        m.put("S16_MIN", (long) Short.MIN_VALUE);
        m.put("S16_MAX", (long) Short.MAX_VALUE);
        m.put("S32_MIN", (long) Integer.MIN_VALUE);
        m.put("S32_MAX", (long) Integer.MAX_VALUE);
        m.put("S64_MIN", Long.MIN_VALUE);
        m.put("S64_MAX", Long.MAX_VALUE);
        // errno
        m.put("EPERM", 1L);
        m.put("ENOENT", 2L);
        m.put("E2BIG", 7L);
        m.put("ENOMEM", 12L);
        m.put("EFAULT", 14L);
        m.put("EBUSY", 16L);
        m.put("EEXIST", 17L);
        m.put("EINVAL", 22L);
        m.put("ENOSPC", 28L);
        m.put("EOPNOTSUPP", 95L);
        m.put("ENOTSUPP", 524L);
        m.put("NULL", 0L);
        m.put("MAX_BPF_STACK", 512L);
        m.put("ETH_HLEN", 14L);
        m.put("ETH_ALEN", 6L);
        m.put("true", 1L);
        m.put("false", 0L);
        // test harnesses (test_loader.c, test_verifier.c)
        m.put("POINTER_VALUE", 0xcafe4aL);
        m.put("TEST_DATA_LEN", 64L);
        m.put("UNDEF", 0L);
        m.put("ACCEPT", 1L);
        m.put("REJECT", 2L);
        m.put("VERBOSE_ACCEPT", 3L);
        m.put("F_NEEDS_EFFICIENT_UNALIGNED_ACCESS", 1L);
        m.put("F_LOAD_WITH_STRICT_ALIGNMENT", 2L);
        m.put("F_NEEDS_JIT_ENABLED", 4L);
        return Map.copyOf(m);
    }
}
