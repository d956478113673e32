package io.kflab.cli;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.btf.BtfRenderer;
import io.kflab.bpf.btf.StructOpsMember;
import io.kflab.bpf.diag.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kflab btf}: read a kernel's BTF (the running kernel's by default). */
@Command(name = "btf", description = "Inspect BTF: the running kernel's (/sys/kernel/btf/vmlinux) or any BTF file.",
        subcommands = {BtfCommand.Summary.class, BtfCommand.Type.class, BtfCommand.Kfuncs.class})
final class BtfCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** --file: which BTF to read. */
    static final class Source {
        @Option(names = "--file", paramLabel = "PATH", description = "A raw BTF file (default: /sys/kernel/btf/vmlinux).")
        Path file;

        Btf load() {
            try {
                if (file == null) {
                    Btf running = KernelSession.get().btf();
                    return running != null ? running : Btf.vmlinux();
                }
                if (Files.isDirectory(file)) throw new BadInputException(file.toString(), "expected a BTF file, found a directory");
                return Btf.load(file);
            } catch (NoSuchFileException e) {
                throw new BadInputException(String.valueOf(file), "no such file");
            } catch (IOException e) {
                throw new BadInputException(String.valueOf(file), "cannot read: " + e.getMessage());
            }
        }
    }

    /** The numbers a summary reports. */
    record SummaryFacts(String source, long bytes, int headerLength, boolean layoutSection, int types,
            Map<String, Integer> kinds, int kfuncs, int fastcall, List<String> structOps) {
        static SummaryFacts of(Btf btf, long bytes) {
            Map<BtfKind, Integer> counts = new EnumMap<>(BtfKind.class);
            for (int id = 1; id <= btf.size(); id++) counts.merge(btf.kind(id), 1, Integer::sum);
            Map<String, Integer> kinds = new LinkedHashMap<>();
            counts.forEach((k, n) -> kinds.put(k.name(), n));
            return new SummaryFacts(btf.source(), bytes, btf.header().hdrLen(), !btf.layouts().isEmpty(), btf.size(),
                    kinds, btf.kfuncs().size(), btf.funcsTagged(Btf.FASTCALL_TAG).size(), StructOpsMember.types(btf));
        }

        void print(PrintWriter out) {
            out.printf("BTF %s: %,d bytes, header %d bytes%s%n", source, bytes, headerLength, layoutSection ? ", layout section" : "");
            out.printf("types: %,d%n", types);
            kinds.forEach((k, n) -> out.printf("  %-10s %,9d%n", k, n));
            out.printf("kfuncs (bpf_kfunc decl tags): %d, bpf_fastcall: %d%n", kfuncs, fastcall);
            out.println("struct_ops types: " + String.join(", ", structOps));
        }
    }

    @Command(name = "summary", description = "Counts of types by kind, kfuncs, struct_ops types.")
    static final class Summary implements Runnable {
        @Mixin Source source;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            Btf btf = source.load();
            var h = btf.header();
            long bytes = (long) h.hdrLen() + Math.max(Math.max(h.typeOff() + (long) h.typeLen(), h.strOff() + (long) h.strLen()),
                    h.layoutOff() + (long) h.layoutLen());
            SummaryFacts facts = SummaryFacts.of(btf, bytes);
            if (json.json()) JsonMixin.print(spec.commandLine().getOut(), facts);
            else facts.print(spec.commandLine().getOut());
        }
    }

    /** One rendered type. */
    record TypeText(String name, int id, String kind, String text) {}

    @Command(name = "type", description = "Render the types named NAME as C (structs with member offsets, function prototypes).")
    static final class Type implements Runnable {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin Source source;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            Btf btf = source.load();
            List<Integer> ids = btf.findAllByName(name);
            if (ids.isEmpty()) throw new BadInputException(btf.source(), "no type named '" + name + "'");
            BtfRenderer r = new BtfRenderer(btf);
            List<TypeText> out = new ArrayList<>();
            for (int id : ids) out.add(new TypeText(name, id, btf.kind(id).name(), r.render(id)));
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                JsonMixin.print(w, out);
            } else {
                for (TypeText t : out) w.println("[" + t.id() + "] " + t.kind() + "\n" + t.text() + "\n");
            }
        }
    }

    /** One kfunc as BTF shows it. */
    record KfuncEntry(String name, int btfId, String prototype, boolean fastcall) {}

    @Command(name = "kfuncs", description = "Functions carrying the bpf_kfunc decl tag, with prototypes.")
    static final class Kfuncs implements Runnable {
        @Mixin Source source;
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            Btf btf = source.load();
            BtfRenderer r = new BtfRenderer(btf);
            List<KfuncEntry> out = new ArrayList<>();
            for (int id : btf.kfuncs()) out.add(new KfuncEntry(btf.name(id), id, r.render(id), btf.isFastcall(id)));
            out.sort(java.util.Comparator.comparing(KfuncEntry::name));
            PrintWriter w = spec.commandLine().getOut();
            if (json.json()) {
                JsonMixin.print(w, out);
            } else {
                for (KfuncEntry k : out) w.printf("%-8d %s%s%n", k.btfId(), k.prototype(), k.fastcall() ? "  [fastcall]" : "");
                w.println(out.size() + " kfuncs");
            }
        }
    }
}
