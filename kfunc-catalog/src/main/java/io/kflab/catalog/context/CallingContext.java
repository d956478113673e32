package io.kflab.catalog.context;

import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import java.util.Objects;
import java.util.Optional;

/**
 * The program that calls a kfunc, as the verifier sees it at lookup (kernel: prog->type,
 * expected_attach_type, aux->attach_st_ops + member, aux->sleepable). A column of the callability matrix.
 */
public record CallingContext(ProgType progType, Optional<AttachType> attachType, Optional<StructOpsTarget> structOps,
        boolean sleepable) {

    public CallingContext {
        Objects.requireNonNull(progType);
        Objects.requireNonNull(attachType);
        Objects.requireNonNull(structOps);
        if (structOps.isPresent() && progType != ProgType.STRUCT_OPS) {
            throw new IllegalArgumentException("a struct_ops member needs program type struct_ops, not " + progType.cliName());
        }
    }

    /** A non-sleepable program of this type without an expected attach type. */
    public static CallingContext of(ProgType type) {
        return new CallingContext(type, Optional.empty(), Optional.empty(), false);
    }

    /** A non-sleepable program of this type with this expected attach type. */
    public static CallingContext of(ProgType type, AttachType attach) {
        return new CallingContext(type, Optional.of(attach), Optional.empty(), false);
    }

    /** A STRUCT_OPS program implementing {@code type.member}. */
    public static CallingContext structOps(String type, String member) {
        return new CallingContext(ProgType.STRUCT_OPS, Optional.of(AttachType.STRUCT_OPS),
                Optional.of(new StructOpsTarget(type, member)), false);
    }

    /** The same context, sleepable (BPF_F_SLEEPABLE). */
    public CallingContext asSleepable() {
        return new CallingContext(progType, attachType, structOps, true);
    }

    /**
     * The display name: {@code xdp}, {@code tracing/fentry}, {@code kprobe/kprobe_session},
     * {@code struct_ops/tcp_congestion_ops.cong_avoid}, {@code syscall(sleepable)}.
     */
    public String displayName() {
        StringBuilder sb = new StringBuilder(progType.cliName());
        if (structOps.isPresent()) {
            sb.append('/').append(structOps.get());
        } else if (attachType.isPresent()) {
            String a = attachType.get().cliName();
            sb.append('/').append(a.startsWith("trace_") ? a.substring("trace_".length()) : a);
        }
        if (sleepable) sb.append("(sleepable)");
        return sb.toString();
    }

    @Override public String toString() { return displayName(); }
}
