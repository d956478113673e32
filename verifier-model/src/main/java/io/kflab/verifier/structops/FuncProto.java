package io.kflab.verifier.structops;

/** A subsystem's answer for one helper id (kernel: verifier_ops->get_func_proto for a struct_ops program). */
public sealed interface FuncProto {
    /** Deferred to bpf_base_func_proto: the generic helpers (bpf_ktime_get_ns, map helpers, ...). */
    record Base() implements FuncProto {}

    /** A subsystem-specific prototype, e.g. {@code bpf_tcp_send_ack}. */
    record Specific(String helper) implements FuncProto {}

    /** NULL: "program of this type cannot use helper %s#%d" (EINVAL). */
    record Unavailable() implements FuncProto {}

    /** Shared instances. */
    FuncProto BASE = new Base();
    /** Shared instances. */
    FuncProto UNAVAILABLE = new Unavailable();
}
