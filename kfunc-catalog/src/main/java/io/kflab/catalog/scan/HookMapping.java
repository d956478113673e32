package io.kflab.catalog.scan;

/**
 * One arm of {@code bpf_prog_type_to_kfunc_hook} (kernel/bpf/btf.c): program type (or {@code
 * default}) to {@code BTF_KFUNC_HOOK_*}.
 */
public record HookMapping(String progType, String hook, SourceLine at) {
    public static final String DEFAULT = "default";
}
