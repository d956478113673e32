package io.kflab.bpf.btf;

import java.util.List;

/** A BTF_KIND_DATASEC type (kernel: struct btf_type + btf_var_secinfo). */
public record BtfDatasec(String name, int size, List<BtfVarSecinfo> vars) implements BtfType {
    public BtfDatasec { vars = List.copyOf(vars); }

    @Override public BtfKind kind() { return BtfKind.DATASEC; }
}
