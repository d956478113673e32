package io.kflab.catalog.scan;

/**
 * A call {@code register_btf_kfunc_id_set(prog_type, &id_set)} or {@code
 * register_btf_fmodret_id_set(&id_set)}. {@code progType} is the first argument as written (empty
 * for fmod_ret); {@code idSet} the id_set variable ({@code &} stripped) or the argument text.
 */
public record Registration(Kind kind, String progType, String idSet, Condition condition, SourceLine at) {
    /** Which register function: kfunc hook by program type, or the FMODRET hook. */
    public enum Kind { KFUNC, FMODRET }

    /** True when the program type is written as a {@code BPF_PROG_TYPE_*} constant. */
    public boolean literalProgType() {
        return progType.matches("BPF_PROG_TYPE_[A-Z0-9_]+");
    }
}
