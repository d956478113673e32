package io.kflab.verifier.structops;

import java.util.Set;

/**
 * The BPF_PROG_LOAD attributes the struct_ops checks read (kernel: union bpf_attr prog-load block):
 * license, attach_btf_id (the struct's BTF id), expected_attach_type (the member index), prog_flags.
 */
public record ProgAttrs(String license, int attachBtfId, int expectedAttachType, int progFlags) {
    /** prog_flags bit (kernel: BPF_F_SLEEPABLE). */
    public static final int BPF_F_SLEEPABLE = 1 << 4;

    /** Licenses the kernel treats as GPL-compatible (kernel: license_is_gpl_compatible). */
    public static final Set<String> GPL_COMPATIBLE = Set.of(
            "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL");

    /** Whether BPF_F_SLEEPABLE is set (kernel: prog->sleepable). */
    public boolean sleepable() {
        return (progFlags & BPF_F_SLEEPABLE) != 0;
    }

    /** kernel: prog->gpl_compatible. */
    public boolean gplCompatible() {
        return GPL_COMPATIBLE.contains(license);
    }
}
