package io.kflab.bpf.sys;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Java enum mirroring a uapi enum (bpf_prog_type, bpf_map_type, ...): each constant has the
 * kernel's numeric value; names are the kernel's with a common prefix left out.
 */
public interface KernelEnum {
    /** The kernel's numeric value. */
    int value();

    /** The prefix the kernel's names carry, e.g. {@code BPF_PROG_TYPE_}. */
    String prefix();

    /** The constant's Java name (the enum's {@code name()}). */
    String name();

    /** The kernel's name of the constant, with its prefix. */
    default String kernelName() {
        return prefix() + name();
    }

    /** The kernel's name in lower case without the prefix, e.g. {@code socket_filter}. */
    default String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} with this kernel value. */
    static <E extends Enum<E> & KernelEnum> Optional<E> of(Class<E> type, int value) {
        @SuppressWarnings("unchecked")
        E e = (E) Index.BY_VALUE.get(type).get(value);
        return Optional.ofNullable(e);
    }

    /** The constant of {@code type} named {@code name} (case-insensitive; the kernel's prefix may be present). */
    static <E extends Enum<E> & KernelEnum> Optional<E> fromCliName(Class<E> type, String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(n) || e.kernelName().equals(n)) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** Value → constant maps, built once per enum. */
    final class Index {
        private Index() {}

        static final ClassValue<Map<Integer, Object>> BY_VALUE = new ClassValue<>() {
            @Override
            protected Map<Integer, Object> computeValue(Class<?> type) {
                Map<Integer, Object> m = new HashMap<>();
                for (Object c : type.getEnumConstants()) m.put(((KernelEnum) c).value(), c);
                return m;
            }
        };
    }
}
