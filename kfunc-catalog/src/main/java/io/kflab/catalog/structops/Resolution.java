package io.kflab.catalog.structops;

/**
 * How a subsystem decides which of its kfuncs a struct_ops member may call (docs kfunc-designs
 * (a)–(h)): e.g. sched_ext 6.12's run-time kf_mask, 7.1's load-time filter, polymorphic kfuncs.
 */
public enum Resolution {
    /** (a) every member may call at load; each kfunc checks the caller's mask at run time (sched_ext 6.12 kf_mask). */
    RUNTIME_MASK,
    /** (b) the set filter or class table decides at load (sched_ext 7.1 scx_kfunc_context_filter). */
    LOAD_FILTER,
    /** (c) a generic kfunc resolved at load to the variant matching the calling context. */
    POLYMORPHIC,
    /** (d) a public kfunc remapped at load to a hidden one. */
    REMAP,
    /** (e) a kfunc specialized per context (e.g. sleepable or not). */
    SPECIALIZE,
    /** (f) hidden arguments supplied by the verifier (KF_IMPLICIT_ARGS). */
    IMPLICIT_ARGS,
    /** (g) the program picks the name at build time (renames, CO-RE). */
    BUILD_TIME,
    /** (h) the argument type selects the behaviour. */
    ARG_TYPE
}
