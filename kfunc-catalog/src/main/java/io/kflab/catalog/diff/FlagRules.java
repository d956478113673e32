package io.kflab.catalog.diff;

import java.util.Map;

/** Whether adding or removing a KF_* flag can break an existing caller (kernel: what the verifier checks for each flag). */
final class FlagRules {
    /** flag → {compatibility when added, reason; compatibility when removed, reason}. */
    private record Rule(Compatibility added, String addedWhy, Compatibility removed, String removedWhy) {}

    private static final Compatibility B = Compatibility.BREAKING, C = Compatibility.COMPATIBLE;
    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("KF_ACQUIRE", new Rule(B, "callers must now release the result", B, "callers' releases of the result are now rejected")),
            Map.entry("KF_RELEASE", new Rule(B, "the argument must now be a referenced object", B, "callers keep an unreleased reference")),
            Map.entry("KF_RET_NULL", new Rule(B, "callers must now check the result for NULL", C, "a NULL check becomes redundant")),
            Map.entry("KF_KPTR_GET", new Rule(B, "the return changes meaning", B, "the return changes meaning")),
            Map.entry("KF_TRUSTED_ARGS", new Rule(B, "untrusted pointer arguments are now rejected", C, "argument checks relax")),
            Map.entry("KF_SLEEPABLE", new Rule(B, "non-sleepable callers are now rejected", C, "non-sleepable programs may call it too")),
            Map.entry("KF_DESTRUCTIVE", new Rule(B, "callers now need CAP_SYS_BOOT", C, "CAP_SYS_BOOT no longer needed")),
            Map.entry("KF_RCU", new Rule(C, "RCU-protected arguments are now accepted too", B, "RCU-protected arguments are now rejected")),
            Map.entry("KF_RCU_PROTECTED", new Rule(B, "callers must now hold an RCU read lock", C, "no RCU read section needed")),
            Map.entry("KF_ITER_NEW", new Rule(B, "iterator protocol changes", B, "iterator protocol changes")),
            Map.entry("KF_ITER_NEXT", new Rule(B, "iterator protocol changes", B, "iterator protocol changes")),
            Map.entry("KF_ITER_DESTROY", new Rule(B, "iterator protocol changes", B, "iterator protocol changes")),
            Map.entry("KF_FASTCALL", new Rule(C, "calling convention is preserved; only spills may be dropped", C, "calling convention is preserved")),
            Map.entry("KF_ARENA_RET", new Rule(B, "pointer address space changes", B, "pointer address space changes")),
            Map.entry("KF_ARENA_ARG1", new Rule(B, "pointer address space changes", B, "pointer address space changes")),
            Map.entry("KF_ARENA_ARG2", new Rule(B, "pointer address space changes", B, "pointer address space changes")),
            Map.entry("KF_IMPLICIT_ARGS", new Rule(C, "the hidden argument is filled by the verifier; the BPF view is unchanged", C, "the BPF view is unchanged")),
            Map.entry("KF_SPINLOCK_SAFE", new Rule(C, "now also callable under bpf_spin_lock", B, "calls under bpf_spin_lock are now rejected")),
            Map.entry("KF_PERFMON", new Rule(B, "callers now need CAP_PERFMON", C, "CAP_PERFMON no longer needed")));

    private FlagRules() {}

    static Compatibility added(String flag) { Rule r = RULES.get(flag); return r == null ? B : r.added(); }

    static String addedWhy(String flag) { Rule r = RULES.get(flag); return r == null ? "unknown flag: assumed breaking" : r.addedWhy(); }

    static Compatibility removed(String flag) { Rule r = RULES.get(flag); return r == null ? B : r.removed(); }

    static String removedWhy(String flag) { Rule r = RULES.get(flag); return r == null ? "unknown flag: assumed breaking" : r.removedWhy(); }
}
