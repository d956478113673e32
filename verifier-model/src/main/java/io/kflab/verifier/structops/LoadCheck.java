package io.kflab.verifier.structops;

import io.kflab.bpf.sys.Errno;

/** The verdict of the struct_ops checks before the verifier's walk (kernel: check_struct_ops_btf_id's return). */
public sealed interface LoadCheck {
    /**
     * Accepted: the verifier continues with the subsystem's verifier_ops and the member's prototype
     * (kernel: prog->aux->attach_func_proto, attach_func_name, st_ops, env->ops).
     */
    record Accepted(StructOpsCatalog.Entry entry, OpsMember.Func member) implements LoadCheck {
        /** kernel: env->ops->get_func_proto(func_id, prog) for this program. */
        public FuncProto funcProto(int helperId) {
            return entry.subsystem().funcProto(helperId, member);
        }

        /** Whether ctx argument {@code arg} may be NULL (kernel: ctx_arg_info from the stub's __nullable). */
        public boolean argNullable(int arg) {
            return entry.subsystem().argNullable(member, arg);
        }
    }

    /** Rejected with the kernel's errno and verifier-log line (empty when the kernel logs nothing). */
    record Rejected(Errno errno, String log) implements LoadCheck {}

    /** Whether the program passed. */
    default boolean accepted() {
        return this instanceof Accepted;
    }
}
