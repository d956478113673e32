package io.kflab.verifier.resolve;

import java.util.Objects;

/**
 * Resolution by argument (kfunc-designs (h)): argument {@code arg} of {@code kfunc} has this type and
 * must carry this ownership (kernel: KF_RELEASE needs a referenced pointer, check_kfunc_args).
 */
public record ArgRule(String kfunc, int arg, String type, Ownership needs) {
    public ArgRule {
        Objects.requireNonNull(kfunc);
        Objects.requireNonNull(type);
        Objects.requireNonNull(needs);
    }
}
