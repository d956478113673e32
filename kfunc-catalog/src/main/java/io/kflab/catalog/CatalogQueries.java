package io.kflab.catalog;

import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.hook.Hook;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.SetEntry;
import io.kflab.catalog.matrix.Callability;
import io.kflab.catalog.matrix.Decision;
import io.kflab.catalog.matrix.DefaultContexts;
import io.kflab.catalog.matrix.Matrix;
import io.kflab.catalog.matrix.Verdict;
import io.kflab.catalog.provenance.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The queries the CLI answers over one catalog: list, show, matrix. Build once per catalog (indexes are precomputed). */
public final class CatalogQueries {
    private final Catalog catalog;
    private final Callability callability;

    public CatalogQueries(Catalog catalog) {
        this.catalog = catalog;
        this.callability = Callability.of(catalog);
    }

    public Catalog catalog() { return catalog; }

    public Callability callability() { return callability; }

    /** A line of {@link #list()}: name, flags text ("KF_ACQUIRE|KF_RET_NULL", "none", "unknown (BTF only)"), hooks ("unknown" when no set lists it). */
    public record ListRow(String name, String flags, List<String> hooks) {}

    /** Everything the catalog says about one kfunc. */
    public record KfuncReport(String name, String prototype, String flags, boolean fastcall, List<String> sets, List<String> hooks,
            List<String> callableFrom, List<String> sleepableOnlyFrom, List<String> unknownFrom, List<String> sources) {}

    /** All kfuncs, by name. */
    public List<ListRow> list() {
        List<ListRow> out = new ArrayList<>();
        for (Kfunc k : catalog.kfuncs().values()) out.add(new ListRow(k.name(), k.flags().describe(), hooks(k.name())));
        return out;
    }

    /** One kfunc; empty when the catalog has none of that name. Contexts are {@link DefaultContexts#of}. */
    public Optional<KfuncReport> show(String name) {
        Kfunc k = catalog.kfuncs().get(name);
        if (k == null) return Optional.empty();
        List<String> sets = new ArrayList<>();
        LinkedHashSet<Source> sources = new LinkedHashSet<>(k.sources());
        for (KfuncSet s : catalog.sets().values()) {
            Optional<SetEntry> e = s.entry(name);
            if (e.isEmpty()) continue;
            sets.add(s.name() + " [" + e.get().flags().describe() + "]" + e.get().condition().map(c -> " if " + c).orElse("")
                    + s.filter().map(f -> " filter " + f).orElse(""));
            sources.addAll(e.get().sources());
        }
        List<String> allow = new ArrayList<>(), sleep = new ArrayList<>(), unknown = new ArrayList<>();
        for (CallingContext c : DefaultContexts.of(catalog)) {
            Decision d = callability.decide(name, c);
            switch (d.verdict()) {
                case ALLOW -> allow.add(c.displayName());
                case SLEEPABLE_ONLY -> sleep.add(c.displayName());
                case UNKNOWN -> unknown.add(c.displayName());
                case DENY -> { }
            }
        }
        String proto = k.prototype().map(p -> p.render(name)).orElse("unknown");
        return Optional.of(new KfuncReport(name, proto, k.flags().describe(), k.fastcall(), sets, hooks(name), allow, sleep, unknown,
                sources.stream().map(Source::describe).toList()));
    }

    /** The matrix of all kfuncs over these contexts. */
    public Matrix matrix(List<CallingContext> contexts) {
        return Matrix.of(callability, contexts);
    }

    /** The matrix over {@link DefaultContexts#of} this catalog. */
    public Matrix matrix() {
        return matrix(DefaultContexts.of(catalog));
    }

    /** The verdict of one kfunc in one context. */
    public Decision decide(String kfunc, CallingContext context) {
        return callability.decide(kfunc, context);
    }

    private List<String> hooks(String name) {
        if (!callability.registrationsKnown(name)) return List.of("unknown");
        return callability.hooksOf(name).stream().map(Hook::name).toList();
    }

    /** Counts of each verdict in a matrix column, for summaries. */
    public static String summary(Matrix m, String context) {
        StringBuilder sb = new StringBuilder(context).append(':');
        for (Verdict v : Verdict.values()) sb.append(' ').append(v.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(m.count(context, v));
        return sb.toString();
    }
}
