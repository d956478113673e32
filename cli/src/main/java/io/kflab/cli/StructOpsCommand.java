package io.kflab.cli;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.verifier.structops.OpsMember;
import io.kflab.verifier.structops.StructOpsCatalog;
import io.kflab.verifier.structops.StructOpsType;
import io.kflab.verifier.structops.TcpCongestionOps;
import io.kflab.verifier.structops.diff.KernelSyscalls;
import io.kflab.verifier.structops.diff.Scenario;
import io.kflab.verifier.structops.diff.ScenarioMatrix;
import io.kflab.verifier.structops.diff.ScenarioRunner;
import io.kflab.verifier.structops.diff.StructOpsDifferential;
import io.kflab.verifier.structops.model.ModelKernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kflab structops}: struct_ops types of the running kernel, registration, test runs, model-vs-kernel scenarios. */
@Command(name = "structops", description = "struct_ops: the running kernel's types, registering a BPF congestion control, "
        + "bpf_dummy_ops test runs, and the model-vs-kernel registration scenarios.",
        subcommands = {StructOpsCommand.Types.class, StructOpsRegisterCommand.class, StructOpsTestRunCommand.class,
            StructOpsCommand.Scenarios.class})
final class StructOpsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The running kernel's BTF, or a one-line error. */
    static Btf btf() {
        Btf btf = KernelSession.get().btf();
        if (btf == null) throw new BadInputException(Btf.VMLINUX.toString(), "the running kernel's BTF (CONFIG_DEBUG_INFO_BTF)");
        return btf;
    }

    /** The model catalog for the running kernel: its BTF types, the built-in descriptors, its registered congestion controls. */
    static StructOpsCatalog modelCatalog(Btf btf, List<String> tcpAvailable) {
        return StructOpsCatalog.builtin(btf, tcpAvailable, TcpCongestionOps.congMaskFor(System.getProperty("os.version", "")));
    }

    @Command(name = "types", description = "The struct_ops types of the running kernel: members with their BTF index (a program's expected_attach_type), "
            + "offsets, prototypes, and whether kflab's descriptor supports them.")
    static final class Types implements Callable<Integer> {
        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Btf btf = btf();
            StructOpsCatalog cat = modelCatalog(btf, List.of());
            List<Map<String, Object>> out = new ArrayList<>();
            for (StructOpsType t : cat.types()) {
                var entry = cat.byName(t.name());
                List<Map<String, Object>> members = new ArrayList<>();
                for (OpsMember m : t.members()) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("index", m.index());
                    j.put("name", m.name());
                    j.put("offset", m.offset());
                    j.put("size", m.size());
                    if (m instanceof OpsMember.Func f) {
                        j.put("kind", "func");
                        j.put("returnsValue", f.returnsValue());
                        j.put("params", f.params());
                        j.put("supported", entry.map(e -> e.subsystem().hasCfiStub(f)).orElse(null));
                    } else {
                        j.put("kind", ((OpsMember.Data) m).modulePointer() ? "module" : "data");
                    }
                    members.add(j);
                }
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("name", t.name());
                j.put("btfId", t.typeId());
                j.put("valueTypeId", t.valueTypeId());
                j.put("valueSize", t.valueSize());
                j.put("dataOffset", t.dataOffset());
                j.put("descriptor", entry.isPresent());
                j.put("members", members);
                out.add(j);
            }
            var w = spec.commandLine().getOut();
            if (json.json()) {
                JsonMixin.print(w, out);
                return 0;
            }
            for (Map<String, Object> t : out) {
                w.printf("%s  btf_id %s, value bpf_struct_ops_%s [%s] %s bytes, struct at +%s%s%n", t.get("name"), t.get("btfId"),
                        t.get("name"), t.get("valueTypeId"), t.get("valueSize"), t.get("dataOffset"),
                        Boolean.TRUE.equals(t.get("descriptor")) ? "" : "  (no kflab descriptor)");
                @SuppressWarnings("unchecked") List<Map<String, Object>> ms = (List<Map<String, Object>>) t.get("members");
                for (Map<String, Object> m : ms) {
                    String what = "func".equals(m.get("kind"))
                            ? "(" + String.join(", ", (List<String>) castList(m.get("params"))) + ")"
                                + (Boolean.FALSE.equals(m.get("supported")) ? "  no cfi stub: ENOTSUPP" : "")
                            : m.get("kind") + ", " + m.get("size") + " bytes";
                    w.printf("  %2s %-16s +%-4s %s%n", m.get("index"), m.get("name"), m.get("offset"), what);
                }
            }
            return 0;
        }

        @SuppressWarnings("unchecked")
        private static List<String> castList(Object o) {
            return (List<String>) o;
        }
    }

    @Command(name = "scenarios", description = "Runs the struct_ops registration scenarios (loads, maps, updates, links, test runs) "
            + "on kflab's model and on the running kernel and compares every step. Exit 0 when all agree, 1 otherwise.")
    static final class Scenarios implements Callable<Integer> {
        @Option(names = "--list", description = "Print each scenario's steps with the model's and the kernel's answers.")
        boolean list;

        @Mixin JsonMixin json;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            BpfCapability.require();
            Btf btf = btf();
            String prefix = "kfl" + Long.toString(ProcessHandle.current().pid() % 46656, 36);
            List<Scenario> scenarios = ScenarioMatrix.all(prefix, StructOpsType.of(btf, TcpCongestionOps.NAME),
                    btf.findByName("tcp_sock", BtfKind.STRUCT).orElseThrow());
            var w = spec.commandLine().getOut();
            List<Map<String, Object>> details = new ArrayList<>();
            StructOpsDifferential.Report r;
            try (Progress p = json.json() ? Progress.quiet() : Progress.start("structops scenarios", scenarios.size(), "scenarios")) {
                r = StructOpsDifferential.run(scenarios, new ScenarioRunner(StructOpsType.all(btf)),
                        () -> {
                            try (KernelSyscalls k = new KernelSyscalls()) {
                                return new ModelKernel(modelCatalog(btf, k.tcpAvailable()));
                            }
                        },
                        KernelSyscalls::new, pair -> {
                            p.step();
                            if (list) details.add(StructOpsScenarioPrinter.json(pair));
                        });
            }
            if (json.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("total", r.total());
                j.put("agree", r.agree());
                j.put("disagreements", r.disagreements());
                if (list) j.put("scenarios", details);
                JsonMixin.print(w, j);
            } else {
                if (list) details.forEach(d -> StructOpsScenarioPrinter.text(w, d));
                w.printf("%d scenarios, %d agree with the kernel (%.1f%%)%n", r.total(), r.agree(), 100.0 * r.agree() / r.total());
                r.disagreements().forEach(d -> w.printf("  DISAGREE %s, step %d: %s%n    model:  %s%n    kernel: %s%n",
                        d.scenario(), d.step(), d.command(), d.model(), d.kernel()));
            }
            return r.disagreements().isEmpty() ? 0 : 1;
        }
    }
}
