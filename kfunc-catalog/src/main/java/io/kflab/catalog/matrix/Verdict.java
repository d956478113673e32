package io.kflab.catalog.matrix;

/** Whether a program in a context may call a kfunc (kernel: the verifier's kfunc lookup and sleepable check). */
public enum Verdict {
    /** Found at the COMMON hook or the program's hook, not filtered, no further condition fails. */
    ALLOW,
    /** Not registered for a hook the program uses, filtered out, or fmod_ret-only: "calling kernel function %s is not allowed". */
    DENY,
    /** Callable, but KF_SLEEPABLE and the program is not: "program must be sleepable to call sleepable kfunc %s". */
    SLEEPABLE_ONLY,
    /** The catalog lacks a fact needed to decide (BTF-only registrations or flags, an unmodelled condition). */
    UNKNOWN
}
