package io.kflab.catalog.probe;

import io.kflab.bpf.sys.ProgLoad;
import io.kflab.bpf.sys.ProgType;
import java.util.Objects;

/**
 * A calling context for a kfunc (kernel: the program's type, expected_attach_type, attach_btf_id,
 * prog_flags and prog_ifindex, which together select the kfunc hook and filters): everything
 * BPF_PROG_LOAD needs besides the instructions.
 *
 * @param name short, unique name, e.g. {@code tracepoint}, {@code fentry.s}, {@code tcp_congestion_ops:cong_avoid}
 * @param progType the program type
 * @param expectedAttachType raw expected_attach_type (for struct_ops, the member index)
 * @param attachBtfId attach_btf_id in vmlinux BTF, 0 when none
 * @param attachTarget the name of the attach_btf_id target, "" when none
 * @param progFlags prog_flags (e.g. BPF_F_SLEEPABLE)
 * @param progIfindex prog_ifindex (device-bound XDP), 0 when none
 * @param sleepableVariant name of the sleepable variant of this context, "" when there is none
 * @param needs what this context needs to load at all, in words ("" for nothing)
 */
public record ProbeContext(String name, ProgType progType, int expectedAttachType, int attachBtfId,
                           String attachTarget, int progFlags, int progIfindex, String sleepableVariant,
                           String needs) {
    public ProbeContext {
        Objects.requireNonNull(name);
        Objects.requireNonNull(progType);
        attachTarget = attachTarget == null ? "" : attachTarget;
        sleepableVariant = sleepableVariant == null ? "" : sleepableVariant;
        needs = needs == null ? "" : needs;
    }

    /** A plain program type: no attach type, target or flags. */
    public static ProbeContext of(String name, ProgType type) {
        return new ProbeContext(name, type, 0, 0, "", 0, 0, "", "");
    }

    /** True when the context loads with BPF_F_SLEEPABLE. */
    public boolean sleepable() {
        return (progFlags & ProgLoad.BPF_F_SLEEPABLE) != 0;
    }

    /** This context with prog_flags {@code flags}. */
    public ProbeContext flags(int flags) {
        return new ProbeContext(name, progType, expectedAttachType, attachBtfId, attachTarget, flags, progIfindex,
                sleepableVariant, needs);
    }

    /** This context with {@code variant} named as its sleepable variant. */
    public ProbeContext withSleepableVariant(String variant) {
        return new ProbeContext(name, progType, expectedAttachType, attachBtfId, attachTarget, progFlags, progIfindex,
                variant, needs);
    }
}
