package io.kflab.catalog.corpus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which files of a kernel tree a corpus keeps: fixed BPF/BTF paths, the verifier selftests, and
 * C files of kfunc-bearing directories that mention a kfunc declaration macro.
 */
public final class CorpusSelection {
    private static final List<Pattern> BY_PATH = globs(
            "include/linux/btf.h", "include/linux/btf_ids.h", "include/linux/bpf*.h", "include/uapi/linux/bpf.h",
            "include/net/xdp.h", "kernel/bpf/**", "kernel/sched/ext*.c", "kernel/sched/ext*.h",
            "kernel/trace/bpf_trace.c",
            "tools/testing/selftests/bpf/progs/verifier_*.c", "tools/testing/selftests/bpf/verifier/*.c",
            "tools/testing/selftests/bpf/progs/bpf_misc.h", "tools/testing/selftests/bpf/test_loader.c",
            "tools/testing/selftests/bpf/test_verifier.c");
    private static final List<Pattern> BY_CONTENT = globs("net/**", "fs/**", "drivers/hid/bpf/**", "crypto/**",
            "security/**", "mm/**", "kernel/**");
    /** A file of {@link #BY_CONTENT} is kept when it contains one of these. */
    public static final List<String> TRIGGERS = List.of("BTF_ID_FLAGS", "register_btf_kfunc_id_set",
            "register_btf_fmodret_id_set", "__bpf_kfunc");

    private CorpusSelection() {}

    /** Kept whatever the content. */
    public static boolean byPath(String path) {
        return BY_PATH.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /** A C file kept only if {@link #keepContent} says so. */
    public static boolean byContent(String path) {
        return (path.endsWith(".c") || path.endsWith(".h")) && BY_CONTENT.stream().anyMatch(p -> p.matcher(path).matches());
    }

    public static boolean keepContent(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return TRIGGERS.stream().anyMatch(text::contains);
    }

    /** Glob to regex: {@code **} any path, {@code *} within one name. */
    static List<Pattern> globs(String... globs) {
        return java.util.Arrays.stream(globs).map(g -> Pattern.compile(
                Pattern.quote(g).replace("**", "\u0000").replace("*", "\\E[^/]*\\Q").replace("\u0000", "\\E.*\\Q")))
                .toList();
    }
}
