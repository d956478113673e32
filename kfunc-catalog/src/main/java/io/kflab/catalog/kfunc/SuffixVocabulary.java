package io.kflab.catalog.kfunc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameter-name suffixes a kernel's verifier recognises (kernel: is_kfunc_arg_* via
 * btf_param_match_suffix); which exist depends on the version.
 */
public record SuffixVocabulary(String version, Set<String> suffixes) {
    private static final List<String> V6_1 = List.of("__sz");
    private static final List<String> V6_12 = List.of("__sz", "__szk", "__k", "__uninit", "__opt", "__nullable", "__str",
            "__ign", "__map", "__alloc", "__refcounted_kptr", "__iter");
    private static final List<String> V6_18 = concat(V6_12, "__prog", "__irq_flag");
    private static final List<String> V7_3 = concat(without(V6_18, "__opt", "__prog"), "__const_map", "__nonown_allowed",
            "__arena", "__arena__nullable");

    public SuffixVocabulary {
        Objects.requireNonNull(version);
        suffixes = Set.copyOf(new TreeSet<>(suffixes));
    }

    public static SuffixVocabulary of(String version, String... suffixes) {
        return new SuffixVocabulary(version, Set.of(suffixes));
    }

    /**
     * The vocabulary of a kernel version: the newest of 6.1, 6.12, 6.18, 7.3 not newer than it
     * (versions before 6.1 get 6.1's).
     */
    public static SuffixVocabulary forVersion(String version) {
        return switch (KernelVersions.nearest(version)) {
            case "6.1" -> new SuffixVocabulary("6.1", Set.copyOf(V6_1));
            case "6.12" -> new SuffixVocabulary("6.12", Set.copyOf(V6_12));
            case "6.18" -> new SuffixVocabulary("6.18", Set.copyOf(V6_18));
            default -> new SuffixVocabulary("7.3", Set.copyOf(V7_3));
        };
    }

    /** The suffixes this parameter name ends with (a name may match several, e.g. {@code p__arena__nullable}), longest first. */
    public List<String> suffixesOf(String paramName) {
        List<String> out = new ArrayList<>();
        for (String s : suffixes) {
            if (paramName.length() > s.length() && paramName.endsWith(s)) out.add(s);
        }
        out.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
        return out;
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    private static List<String> without(List<String> a, String... drop) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(List.of(drop));
        return List.copyOf(out);
    }
}
