package io.kflab.catalog.compare;

import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.context.StructOpsTarget;
import io.kflab.catalog.probe.ProbeContext;
import java.util.Optional;

/** Turns a probed load configuration into the calling context the catalog predicts for (kernel: the prog's type, attach type, st_ops member, sleepable). */
public final class ProbeContextMapping {
    private ProbeContextMapping() {}

    public static CallingContext toCallingContext(ProbeContext p) {
        if (p.progType() == ProgType.STRUCT_OPS) {
            String name = p.name().endsWith(".s") ? p.name().substring(0, p.name().length() - 2) : p.name();
            int colon = name.indexOf(':');
            String member = colon >= 0 ? name.substring(colon + 1) : name;
            return new CallingContext(ProgType.STRUCT_OPS, Optional.of(AttachType.STRUCT_OPS),
                    Optional.of(new StructOpsTarget(p.attachTarget(), member)), p.sleepable());
        }
        Optional<AttachType> attach = p.expectedAttachType() == 0 ? Optional.empty() : AttachType.of(p.expectedAttachType());
        return new CallingContext(p.progType(), attach, Optional.empty(), p.sleepable());
    }
}
