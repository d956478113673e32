package io.kflab.bpf.btf;

import java.util.List;

/** A BTF_KIND_UNION type (kernel: struct btf_type + btf_member). */
public record BtfUnion(String name, int size, boolean kindFlag, List<BtfMember> members)
        implements BtfType.Composite {
    public BtfUnion { members = List.copyOf(members); }

    @Override public BtfKind kind() { return BtfKind.UNION; }
}
