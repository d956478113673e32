package io.kflab.catalog.kfunc;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A kfunc's C prototype (kernel: the BTF FUNC_PROTO of the kfunc): return type text and parameters. */
public record Prototype(String returnType, List<Param> params, boolean variadic) {
    public Prototype {
        Objects.requireNonNull(returnType);
        params = List.copyOf(params);
    }

    public static Prototype of(String returnType, Param... params) {
        return new Prototype(returnType, List.of(params), false);
    }

    /** The C declaration of {@code name} with this prototype. */
    public String render(String name) {
        String ps = params.isEmpty() ? (variadic ? "..." : "void")
                : params.stream().map(Param::declaration).collect(Collectors.joining(", ")) + (variadic ? ", ..." : "");
        return (returnType.endsWith("*") ? returnType : returnType + " ") + name + "(" + ps + ")";
    }
}
