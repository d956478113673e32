package io.kflab.catalog.scan;

import java.util.List;

/**
 * A kfunc set: a {@code BTF_KFUNCS_START(name)} ... {@code BTF_KFUNCS_END(name)} block (6.1:
 * {@code BTF_SET8_START}/{@code BTF_SET8_END}, the {@code macro} field says which) with its entries.
 */
public record KfuncSet(String name, String macro, List<SetEntry> entries, Condition condition, SourceLine at) {
    public KfuncSet {
        entries = List.copyOf(entries);
    }

    /** True for the {@code BTF_KFUNCS_START} form, which sets {@code BTF_SET8_KFUNCS}. */
    public boolean kfuncsFlag() {
        return macro.startsWith("BTF_KFUNCS");
    }
}
