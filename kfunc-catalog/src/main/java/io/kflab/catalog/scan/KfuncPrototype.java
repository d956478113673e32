package io.kflab.catalog.scan;

import java.util.List;

/**
 * A function marked {@code __bpf_kfunc}: return type as written (attributes and qualifiers
 * included), name, parameters; {@code definition} when a body follows.
 */
public record KfuncPrototype(String name, String returnType, List<KfuncParam> params, boolean definition,
        Condition condition, SourceLine at) {
    public KfuncPrototype {
        params = List.copyOf(params);
    }
}
