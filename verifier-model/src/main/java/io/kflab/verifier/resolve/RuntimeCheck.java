package io.kflab.verifier.resolve;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a kfunc tests about its caller when it runs (sched_ext 6.12: scx_kf_allowed() on
 * current->scx.kf_mask); a failure is a run-time error that ejects the scheduler.
 */
public sealed interface RuntimeCheck {

    /** No run-time check. */
    record None() implements RuntimeCheck {}

    /** {@code scx_kf_allowed(mask)}: some bit of the op's mask must be in {@code classes}. */
    record Mask(Set<String> classes) implements RuntimeCheck {
        public Mask { classes = Set.copyOf(classes); }
    }

    /** {@code scx_kf_allowed_if_unlocked() || scx_kf_allowed(mask)}: mask 0, or a bit in {@code classes}. */
    record MaskOrUnlocked(Set<String> classes) implements RuntimeCheck {
        public MaskOrUnlocked { classes = Set.copyOf(classes); }
    }

    /** Only while one of these members runs (e.g. scx_bpf_dump_bstr: the CPU doing the dump), with the kernel's message. */
    record OnlyMembers(List<String> members, String message) implements RuntimeCheck {
        public OnlyMembers {
            members = List.copyOf(members);
            Objects.requireNonNull(message);
        }
    }
}
