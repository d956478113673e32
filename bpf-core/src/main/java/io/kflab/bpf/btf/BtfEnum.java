package io.kflab.bpf.btf;

import java.util.List;

/** A BTF_KIND_ENUM type with 32-bit values (kernel: struct btf_type + btf_enum; kind_flag = signed). */
public record BtfEnum(String name, int size, boolean signed, List<BtfEnumValue> values)
        implements BtfType.Enumeration {
    public BtfEnum { values = List.copyOf(values); }

    @Override public BtfKind kind() { return BtfKind.ENUM; }
}
