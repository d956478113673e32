package io.kflab.catalog.probe;

/** What the verifier's kfunc allow check (kernel: {@code check_kfunc_call}) said about one kfunc in one context. */
public enum Verdict {
    /** The call got past the allow check (later argument or reference errors still mean allowed). */
    ALLOW,
    /** "calling kernel function X is not allowed": not in any kfunc set of this context's hook, or a filter refused it. */
    DENY,
    /** "program must be sleepable to call sleepable kfunc X": allowed, but KF_SLEEPABLE and the program is not sleepable. */
    SLEEPABLE_ONLY,
    /**
     * The load failed before the verifier reached the call (kernel: {@code add_kfunc_call}), e.g.
     * "metadata kfuncs require device-bound program": the allow check was never asked.
     */
    UNDECIDED,
    /** The context itself could not be set up: a trivial program without the call does not load there. */
    SETUP_ERROR;

    /** True for ALLOW and SLEEPABLE_ONLY: the kfunc is in a set this context's hook may use. */
    public boolean inSet() {
        return this == ALLOW || this == SLEEPABLE_ONLY;
    }
}
