package io.kflab.cli;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.CatalogQueries;
import io.kflab.catalog.CatalogSources;
import io.kflab.catalog.compare.ProbeComparison;
import io.kflab.catalog.diff.CatalogDiff;
import io.kflab.catalog.matrix.Matrix;
import io.kflab.catalog.matrix.Verdict;
import io.kflab.catalog.probe.KfuncCallability;
import io.kflab.catalog.probe.ProbeCache;
import io.kflab.catalog.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kflab catalog}: the kfunc catalog: list, show, the callability matrix, diffs. */
@Command(name = "catalog", description = "The kfunc catalog: list, show, the callability matrix (predicted and probed), diff.",
        subcommands = {CatalogCommand.List.class, CatalogCommand.Show.class, CatalogCommand.MatrixCmd.class, CatalogCommand.Diff.class})
final class CatalogCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** --catalog: which catalog to query. */
    static final class Which {
        @Option(names = "--catalog", paramLabel = "SPEC", defaultValue = "running",
                description = "running (default: the running kernel's BTF + linux-6.12 facts), btf, linux-6.1, linux-6.12, a kernel tree directory, a BTF file, a design file (.kfl).")
        String spec;

        @Option(names = "--kernel-src", paramLabel = "PATH", description = "A kernel source tree to read instead (same as --catalog PATH).")
        java.nio.file.Path kernelSrc;

        @Spec(Spec.Target.MIXEE) CommandSpec mixee;

        Catalog load() {
            if (kernelSrc != null && !java.nio.file.Files.isDirectory(kernelSrc)) {
                throw new BadInputException(kernelSrc.toString(), "--kernel-src is not a directory");
            }
            return sources(mixee).resolve(kernelSrc != null ? kernelSrc.toString() : spec);
        }
    }

    /** Catalog sources with a progress bar, warnings on stderr. */
    static CatalogSources sources(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        return new CatalogSources(Progress::start).warnings(w -> err.println("warning: " + w));
    }

    @Command(name = "list", description = "Every kfunc with its KF_* flags and hooks.")
    static final class List implements Runnable {
        @Mixin Which which;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            CatalogQueries q = new CatalogQueries(which.load());
            var rows = q.list();
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                JsonMixin.print(w, rows);
                return;
            }
            for (var r : rows) w.printf("%-44s %-40s %s%n", r.name(), r.flags(), String.join(",", r.hooks()));
            w.println(rows.size() + " kfuncs in " + q.catalog().name());
        }
    }

    @Command(name = "show", description = "One kfunc: prototype, flags, sets, hooks, where it may be called from, sources.")
    static final class Show implements Runnable {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin Which which;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            CatalogQueries q = new CatalogQueries(which.load());
            var r = q.show(name).orElseThrow(() -> new BadInputException(name, "no kfunc of that name in " + q.catalog().name()));
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                JsonMixin.print(w, r);
                return;
            }
            w.println(r.prototype());
            w.println("flags:        " + r.flags() + (r.fastcall() ? " (bpf_fastcall)" : ""));
            w.println("sets:         " + String.join(", ", r.sets()));
            w.println("hooks:        " + String.join(", ", r.hooks()));
            w.println("callable from: " + String.join(", ", r.callableFrom()));
            if (!r.sleepableOnlyFrom().isEmpty()) w.println("sleepable only: " + String.join(", ", r.sleepableOnlyFrom()));
            if (!r.unknownFrom().isEmpty()) w.println("unknown from:  " + String.join(", ", r.unknownFrom()));
            w.println("sources:");
            r.sources().forEach(s -> w.println("  " + s));
        }
    }

    @Command(name = "matrix", description = "The callability matrix (kfunc x program type / struct_ops member); with --probe, also the running kernel's and every disagreement.")
    static final class MatrixCmd implements Runnable {
        @Mixin Which which;
        @Option(names = "--probe", description = "Probe the running kernel (cached per build id) and compare.")
        boolean probe;
        @Option(names = "--refresh", description = "With --probe: probe again instead of using the cache.")
        boolean refresh;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            Catalog catalog = which.load();
            PrintWriter w = spec.commandLine().getOut();
            if (!probe) {
                Matrix m = new CatalogQueries(catalog).matrix();
                if (json.json()) {
                    JsonMixin.print(w, m);
                    return;
                }
                w.printf("%-48s %6s %6s %9s %8s%n", "context", "allow", "deny", "sleepable", "unknown");
                for (String c : m.contexts()) {
                    w.printf("%-48s %6d %6d %9d %8d%n", c, m.count(c, Verdict.ALLOW), m.count(c, Verdict.DENY),
                            m.count(c, Verdict.SLEEPABLE_ONLY), m.count(c, Verdict.UNKNOWN));
                }
                w.println(m.rows().size() + " kfuncs x " + m.contexts().size() + " contexts, predicted from " + m.catalog());
                return;
            }
            BpfCapability.require();
            ProbeResult measured = KfuncCallability.get(ProbeCache.defaultCache(), refresh, true);
            ProbeComparison cmp = ProbeComparison.of(catalog, measured);
            if (json.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("catalog", cmp.catalog());
                m.put("kernel", cmp.kernel());
                m.put("kfuncs", cmp.kfuncs());
                m.put("contexts", cmp.contexts());
                m.put("cells", cmp.cells());
                m.put("agree", cmp.agree());
                m.put("agreement", Math.round(cmp.agreement() * 10000) / 10000.0);
                m.put("disagreements", cmp.disagreements());
                m.put("unmeasuredContexts", cmp.unmeasuredContexts());
                JsonMixin.print(w, m);
                return;
            }
            w.printf("%s vs the running kernel %s: %d kfuncs x %d contexts = %d cells, %d agree (%.2f%%)%n",
                    cmp.catalog(), cmp.kernel(), cmp.kfuncs(), cmp.contexts(), cmp.cells(), cmp.agree(), 100 * cmp.agreement());
            cmp.disagreements().forEach(d -> w.printf("  %-36s %-28s predicted %-13s measured %-13s %s%n",
                    d.kfunc(), d.context(), d.predicted(), d.measured(), d.reason()));
            if (!cmp.unmeasuredContexts().isEmpty()) {
                w.println("contexts the kernel would not load (left out):");
                cmp.unmeasuredContexts().forEach((c, why) -> w.println("  " + c + ": " + why));
            }
        }
    }

    @Command(name = "diff", description = "What changed from catalog A to B (added, removed, renamed, prototypes, flags, registrations), each breaking or compatible.")
    static final class Diff implements Runnable {
        @Parameters(index = "0", paramLabel = "A") String a;
        @Parameters(index = "1", paramLabel = "B") String b;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            CatalogSources sources = sources(spec);
            // name the catalogs as the user did
            CatalogDiff d = CatalogDiff.between(sources.resolve(a).toBuilder().name(a).build(),
                    sources.resolve(b).toBuilder().name(b).build());
            PrintWriter w = spec.commandLine().getOut();
            w.println(json.json() ? d.json() : d.text());
        }
    }
}
