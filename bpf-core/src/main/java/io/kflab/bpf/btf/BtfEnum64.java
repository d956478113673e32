package io.kflab.bpf.btf;

import java.util.List;

/** A BTF_KIND_ENUM64 type (kernel: struct btf_type + btf_enum64; kind_flag = signed). */
public record BtfEnum64(String name, int size, boolean signed, List<BtfEnumValue> values)
        implements BtfType.Enumeration {
    public BtfEnum64 { values = List.copyOf(values); }

    @Override public BtfKind kind() { return BtfKind.ENUM64; }
}
