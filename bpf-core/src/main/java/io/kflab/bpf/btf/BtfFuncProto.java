package io.kflab.bpf.btf;

import java.util.List;

/**
 * A BTF_KIND_FUNC_PROTO type (kernel: struct btf_type + btf_param). A variadic prototype is
 * encoded with a last parameter of name 0 and type 0; here that entry is not in {@code params}
 * and {@code variadic} is true instead.
 */
public record BtfFuncProto(String name, int returnType, List<BtfParam> params, boolean variadic)
        implements BtfType {
    public BtfFuncProto { params = List.copyOf(params); }

    @Override public BtfKind kind() { return BtfKind.FUNC_PROTO; }
}
