package io.kflab.verifier.structops;

import io.kflab.bpf.sys.Errno;
import java.util.Optional;

/**
 * The checks BPF_PROG_LOAD makes for a BPF_PROG_TYPE_STRUCT_OPS program before the verifier walks it
 * (kernel: check_struct_ops_btf_id, called from check_attach_btf_id), in the kernel's order and with
 * its messages. The verifier model calls {@link #check} and, when accepted, asks the result for helper
 * prototypes and nullable arguments.
 */
public final class StructOpsLoadCheck {
    private StructOpsLoadCheck() {}

    /** Runs the checks for {@code prog} against the subsystems of {@code catalog}. */
    public static LoadCheck check(StructOpsCatalog catalog, ProgAttrs prog) {
        if (!prog.gplCompatible()) {
            return new LoadCheck.Rejected(Errno.EINVAL, "struct ops programs must have a GPL compatible license");
        }
        if (prog.attachBtfId() == 0) return new LoadCheck.Rejected(Errno.ENOTSUPP, "");
        Optional<StructOpsCatalog.Entry> found = catalog.byTypeId(prog.attachBtfId());
        if (found.isEmpty()) {
            return new LoadCheck.Rejected(Errno.ENOTSUPP,
                    "attach_btf_id " + Integer.toUnsignedString(prog.attachBtfId()) + " is not a supported struct");
        }
        StructOpsCatalog.Entry e = found.get();
        StructOpsType t = e.type();
        String st = e.subsystem().name();
        long idx = Integer.toUnsignedLong(prog.expectedAttachType());
        if (idx >= t.members().size()) {
            return new LoadCheck.Rejected(Errno.EINVAL, "attach to invalid member idx " + idx + " of struct " + st);
        }
        OpsMember m = t.members().get((int) idx);
        if (!(m instanceof OpsMember.Func f)) {
            return new LoadCheck.Rejected(Errno.EINVAL,
                    "attach to invalid member " + m.name() + "(@idx " + idx + ") of struct " + st);
        }
        String unsupported = "attach to unsupported member " + f.name() + " of struct " + st;
        if (!e.subsystem().hasCfiStub(f)) return new LoadCheck.Rejected(Errno.ENOTSUPP, unsupported);
        if (e.subsystem().hasCheckMember()) {
            Optional<Errno> err = e.subsystem().checkMember(t, f, prog);
            if (err.isPresent()) return new LoadCheck.Rejected(err.get(), unsupported);
        }
        return new LoadCheck.Accepted(e, f);
    }

    /**
     * The verifier's verdict on a helper call from an accepted program (kernel: check_helper_call's
     * "program of this type cannot use helper %s#%d"); empty when the subsystem offers the helper.
     */
    public static Optional<LoadCheck.Rejected> helperCall(LoadCheck.Accepted prog, int helperId, String helperName) {
        if (prog.funcProto(helperId) instanceof FuncProto.Unavailable) {
            return Optional.of(new LoadCheck.Rejected(Errno.EINVAL,
                    "program of this type cannot use helper " + helperName + "#" + helperId));
        }
        return Optional.empty();
    }
}
