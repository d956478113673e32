package io.kflab.catalog.scan;

import java.util.List;

/** A {@code #define NAME(params) body} line that generates {@code BTF_ID_FLAGS} entries. */
public record MacroDefinition(String name, List<String> params, String body, SourceLine at) {
    public MacroDefinition {
        params = List.copyOf(params);
    }
}
