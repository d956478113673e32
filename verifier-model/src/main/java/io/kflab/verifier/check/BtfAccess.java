package io.kflab.verifier.check;

import static io.kflab.verifier.check.Verifier.eacces;
import static io.kflab.verifier.check.Verifier.einval;
import static io.kflab.verifier.check.Verifier.unsupported;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.verifier.kfunc.BtfWalk;
import io.kflab.verifier.kfunc.KernelKfuncs;
import io.kflab.verifier.scalar.Scalar;
import io.kflab.verifier.state.FrameState;
import io.kflab.verifier.state.RegState;
import io.kflab.verifier.state.RegState.BtfPtr;
import java.util.Map;
import java.util.Set;

/**
 * Loads through PTR_TO_BTF_ID registers (kernel: check_ptr_to_btf_access with btf_struct_access) and the resource
 * checks at exit (kernel: check_resource_leak for BPF_EXIT in the main program).
 */
final class BtfAccess {
    private BtfAccess() {}

    /** BTF_TYPE_SAFE_RCU: pointer fields the verifier trusts inside an RCU read section (6.18, task_struct only). */
    private static final Map<String, Set<String>> SAFE_RCU = Map.of("task_struct", Set.of("real_parent", "group_leader"));

    /** A trusted, non-NULL pointer to kernel struct {@code name} (RET_PTR_TO_BTF_ID_TRUSTED). */
    static RegState trustedStruct(String name) {
        Btf btf = KernelKfuncs.runningBtf().orElseThrow(() -> unsupported("BTF pointers without the kernel BTF"));
        int id = btf.findByName(name, BtfKind.STRUCT).orElseThrow(() -> unsupported("struct " + name + " missing from BTF"));
        return new BtfPtr(id, name, 0, 0, 0, BtfPtr.TRUSTED);
    }

    /** A {@code size}-byte access at {@code insnOff} through {@code p}; reads give the field's value. */
    static RegState access(int regno, BtfPtr p, int insnOff, int size, boolean write, boolean inRcuCs) {
        if (p.has(BtfPtr.MAYBE_NULL)) throw eacces("R%d invalid mem access '%s'", regno, p.typeStr());
        if (write) throw unsupported("writes through BTF pointers");
        int off = p.off() + insnOff;
        if (off < 0) throw eacces("R%d is ptr_%s invalid negative access: off=%d", regno, p.typeName(), off);
        Btf btf = KernelKfuncs.runningBtf().orElseThrow(() -> unsupported("BTF pointers without the kernel BTF"));
        return switch (BtfWalk.read(btf, p.btfId(), off, size)) {
            case BtfWalk.Outcome.Scalar s -> RegState.scalar(Scalar.UNKNOWN);
            case BtfWalk.Outcome.Error e -> throw eacces("%s", e.message());
            case BtfWalk.Outcome.Unsupported u -> throw unsupported(u.what());
            case BtfWalk.Outcome.Ptr q -> new BtfPtr(q.btfId(), q.typeName(), 0, 0, 0, loadedFlags(p, q, inRcuCs));
        };
    }

    /** The flags of a pointer loaded from a struct field (check_ptr_to_btf_access, trusted lists reduced to SAFE_RCU). */
    private static int loadedFlags(BtfPtr from, BtfWalk.Outcome.Ptr field, boolean inRcuCs) {
        if (from.has(BtfPtr.UNTRUSTED)) return BtfPtr.UNTRUSTED;
        if (from.trusted() || from.has(BtfPtr.RCU)) {
            if (inRcuCs) {
                if (SAFE_RCU.getOrDefault(field.owner(), Set.of()).contains(field.field())) return BtfPtr.RCU;
                if (field.rcuTagged()) return BtfPtr.RCU | BtfPtr.MAYBE_NULL;
            }
            return BtfPtr.UNTRUSTED;
        }
        throw unsupported("loads through legacy PTR_TO_BTF_ID");
    }

    /** check_resource_leak at BPF_EXIT of the main program: acquired references, then an open RCU read section. */
    static void checkExit(FrameState cur) {
        if (!cur.refs.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var r : cur.refs) sb.append("Unreleased reference id=").append(r.id()).append(" alloc_insn=").append(r.insn()).append('\n');
            sb.append("BPF_EXIT instruction in main prog would lead to reference leak");
            throw einval("%s", sb.toString());
        }
        if (cur.rcuLock) throw einval("BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region");
    }
}
