package io.kflab.cli;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.DesignMatrix;
import io.kflab.verifier.resolve.MemberSpec;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;
import io.kflab.verifier.resolve.data.DesignFileSubsystems;
import io.kflab.verifier.resolve.data.SubsystemData;
import io.kflab.verifier.resolve.design.Designs;
import io.kflab.verifier.resolve.design.KfuncDesign;
import io.kflab.verifier.resolve.design.Profile;
import io.kflab.verifier.resolve.rewrite.CallRewriter;
import io.kflab.verifier.resolve.rewrite.KfuncIds;
import io.kflab.verifier.resolve.rewrite.Rewrite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kflab designs}: the eight kfunc resolution designs, their verdict matrices per subsystem, and call rewrites. */
@Command(name = "designs", description = "Context-dependent kfunc designs (a)-(h): list, the (kfunc x member) verdict matrix per design, call rewrites.",
        subcommands = {DesignsCommand.ListCmd.class, DesignsCommand.MatrixCmd.class, DesignsCommand.RewriteCmd.class})
final class DesignsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** --subsystem / --design-file: which subsystem. */
    static final class Which {
        @Option(names = "--subsystem", paramLabel = "NAME", description = "A built-in subsystem (sched_ext, bpf_qdisc) or, with --design-file, a struct_ops type of the file.")
        String subsystem;

        @Option(names = "--design-file", paramLabel = "FILE.kfl", description = "A design file (catalog DSL) defining a struct_ops type with a 'design' line.")
        Path designFile;

        Subsystem load() {
            if (designFile == null) return SubsystemData.named(subsystem == null ? "sched_ext" : subsystem);
            if (!Files.isRegularFile(designFile)) throw new BadInputException(designFile.toString(), "no such design file");
            List<Subsystem> all = DesignFileSubsystems.load(designFile);
            if (subsystem == null) return all.getFirst();
            return all.stream().filter(s -> s.name().equals(subsystem)).findFirst().orElseThrow(() -> new BadInputException(designFile.toString(),
                    "no struct_ops type '" + subsystem + "' with a design; expected one of " + all.stream().map(Subsystem::name).toList()));
        }
    }

    @Command(name = "list", description = "The eight designs and the built-in subsystems.")
    static final class ListCmd implements Runnable {
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            List<Profile> ps = Designs.all().stream().map(KfuncDesign::profile).toList();
            if (json.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("designs", ps);
                List<Map<String, Object>> subs = new ArrayList<>();
                for (Subsystem s : SubsystemData.builtin().values()) {
                    subs.add(Map.of("name", s.name(), "structOps", s.structOps(), "kernel", s.kernel(),
                            "defaultDesign", s.defaultDesign().map(Enum::name).orElse(""), "members", s.members().size(), "kfuncs", s.publicKfuncs().size()));
                }
                m.put("subsystems", subs);
                JsonMixin.print(w, m);
                return;
            }
            w.printf("%-3s %-14s %-40s %-26s %-5s %-5s %s%n", "", "design", "what", "decided at", "deny", "impl", "upstream");
            for (Profile p : ps) {
                w.printf("(%c) %-14s %-40s %-26s %-5s %-5s %s%n", p.letter(), p.kind(), p.title(), p.decidedAt(), p.denyAtLoad() ? "yes" : "no",
                        p.picksImplementation() ? "yes" : "no", p.upstream());
            }
            w.println();
            for (Subsystem s : SubsystemData.builtin().values()) {
                w.printf("subsystem %-10s %-14s %2d members, %2d kfuncs, upstream %s (%s)%n", s.name(), s.structOps(), s.members().size(),
                        s.publicKfuncs().size(), s.defaultDesign().map(Enum::name).orElse("-"), s.kernel());
            }
        }
    }

    @Command(name = "matrix", description = "The (kfunc x member) verdict matrix for each design side by side; every cell where designs disagree is flagged.")
    static final class MatrixCmd implements Runnable {
        @Mixin Which which;
        @Option(names = "--designs", paramLabel = "D1,D2", description = "Designs to compare (default: all eight).")
        String designs;
        @Option(names = "--cells", description = "Print every cell, not only the disagreements.")
        boolean cells;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            Subsystem s = which.load();
            List<KfuncDesign> ds = designs == null ? Designs.all() : Designs.parse(designs, "--designs " + designs);
            DesignMatrix m = DesignMatrix.of(s, ds);
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                JsonMixin.print(w, DesignsJson.matrix(m));
                return;
            }
            w.println(s.name() + " (" + s.structOps() + ", " + s.kernel() + "): " + m.rows().size() + " kfuncs x " + m.members().size()
                    + " members = " + m.cellCount() + " cells");
            w.printf("%-14s %9s %9s %9s%n", "design", "load ok", "rejected", "runtime");
            m.counts().forEach((d, c) -> w.printf("%-14s %9d %9d %9d%n", d, c.get(Verdict.Kind.ALLOWED_AT_LOAD), c.get(Verdict.Kind.REJECTED_AT_LOAD),
                    c.get(Verdict.Kind.ALLOWED_FAILS_AT_RUNTIME)));
            List<DesignMatrix.Cell> shown = cells ? m.rows().stream().flatMap(r -> r.cells().stream()).toList() : m.disagreements();
            w.println((cells ? "cells" : "disagreements") + " (" + shown.size() + ", " + m.disagreements().size() + " disagree):");
            for (DesignMatrix.Cell c : shown) {
                StringBuilder sb = new StringBuilder(String.format("%s %-32s %-18s", c.disagree() ? "!" : " ", c.kfunc(), c.member()));
                c.verdicts().forEach((d, v) -> sb.append(' ').append(d).append('=').append(DesignsJson.shortText(v)));
                w.println(sb);
            }
        }
    }

    @Command(name = "rewrite", description = "Resolve the kfunc calls of a program (assembly, kfuncs by name) for one member under one design; prints the rewritten calls.")
    static final class RewriteCmd implements Runnable {
        @Parameters(index = "0", paramLabel = "FILE.s") Path file;
        @Mixin Which which;
        @Option(names = "--member", required = true, paramLabel = "NAME", description = "The struct_ops member the program implements.")
        String member;
        @Option(names = "--design", paramLabel = "DESIGN", description = "The design (default: the subsystem's own).")
        String design;
        @Option(names = "--sleepable", description = "Load the program as sleepable (only where the member allows it).")
        boolean sleepable;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            Subsystem s = which.load();
            MemberSpec m = s.member(member).orElseThrow(() -> new BadInputException("--member " + member, "no member of " + s.structOps()
                    + "; expected one of " + s.members().stream().map(MemberSpec::name).toList()));
            KfuncDesign d = design != null ? Designs.parse(design, "--design " + design).getFirst()
                    : Designs.of(s.defaultDesign().orElse(Resolution.LOAD_FILTER));
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new BadInputException(file.toString(), "cannot read the program (" + e.getClass().getSimpleName() + ")");
            }
            KfuncIds ids = KfuncIds.synthetic(s);
            var asm = new Assembler(SymbolTable.builder().kfuncs(n -> ids.id(n).orElse(null)).build()).assemble(text, file.toString());
            Rewrite r = CallRewriter.rewrite(asm.slots(), s, d, io.kflab.verifier.resolve.ResolutionContext.atEntry(s.structOps(), m, sleepable), ids);
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                JsonMixin.print(w, DesignsJson.rewrite(r, d));
                return;
            }
            r.log().forEach(w::println);
            w.println(r.sites().size() + " kfunc calls, " + r.sites().stream().filter(x -> x.rewritten()).count() + " rewritten; "
                    + (r.loads() ? "loads" : "rejected at load"));
        }
    }
}
