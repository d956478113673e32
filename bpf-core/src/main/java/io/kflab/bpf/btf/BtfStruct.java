package io.kflab.bpf.btf;

import java.util.List;

/** A BTF_KIND_STRUCT type (kernel: struct btf_type + btf_member). */
public record BtfStruct(String name, int size, boolean kindFlag, List<BtfMember> members)
        implements BtfType.Composite {
    public BtfStruct { members = List.copyOf(members); }

    @Override public BtfKind kind() { return BtfKind.STRUCT; }
}
