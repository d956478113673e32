package io.kflab.verifier.resolve.rewrite;

import io.kflab.verifier.resolve.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * One kfunc call instruction of a program and what the design made of it: the slot index, the kfunc
 * named (BTF id and name), the verdict, and the kfunc and id the rewritten call targets (what a
 * benchmark executing the resolved program should call).
 */
public record CallSite(int slot, int namedId, String named, Verdict verdict, Optional<String> resolved, Optional<Integer> resolvedId) {
    public CallSite {
        Objects.requireNonNull(named);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(resolved);
        Objects.requireNonNull(resolvedId);
    }

    public boolean rewritten() {
        return resolvedId.isPresent() && resolvedId.get() != namedId;
    }
}
