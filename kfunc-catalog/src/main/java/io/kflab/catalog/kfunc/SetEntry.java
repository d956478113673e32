package io.kflab.catalog.kfunc;

import io.kflab.catalog.provenance.Source;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a kfunc set (kernel: {@code BTF_ID_FLAGS(func, name, flags)}), optionally inside
 * {@code #ifdef CONFIG_X} ({@code condition} holds "CONFIG_X"); a {@code hidden} entry is callable only
 * as the variant a polymorphic family or remap resolves to, never by its own name.
 */
public record SetEntry(String kfunc, KfFlags flags, Optional<String> condition, List<Source> sources, boolean hidden) {
    public SetEntry {
        Objects.requireNonNull(kfunc);
        Objects.requireNonNull(flags);
        Objects.requireNonNull(condition);
        sources = List.copyOf(sources);
    }

    public SetEntry(String kfunc, KfFlags flags, Optional<String> condition, List<Source> sources) {
        this(kfunc, flags, condition, sources, false);
    }

    public static SetEntry of(String kfunc, KfFlags flags, Source... sources) {
        return new SetEntry(kfunc, flags, Optional.empty(), List.of(sources));
    }

    public static SetEntry of(String kfunc, String... flags) {
        return new SetEntry(kfunc, KfFlags.of(flags), Optional.empty(), List.of());
    }

    public SetEntry when(String config) {
        return new SetEntry(kfunc, flags, Optional.of(config), sources, hidden);
    }

    /** This entry, callable only through a family or remap. */
    public SetEntry hide() {
        return new SetEntry(kfunc, flags, condition, sources, true);
    }
}
