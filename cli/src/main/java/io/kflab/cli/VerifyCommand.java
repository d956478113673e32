package io.kflab.cli;

import io.kflab.bpf.asm.ProgramFiles;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.check.Verdict;
import io.kflab.verifier.check.Verifier;
import io.kflab.verifier.check.VerifyOptions;
import io.kflab.verifier.state.MapDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kflab verify}: kflab's verifier model's verdict on a program, in the kernel's terms. */
@Command(name = "verify", description = "Verify FILE with kflab's verifier model (no kernel needed); same output as 'kflab kernel load'. Exit 0 accepted, 1 rejected.")
final class VerifyCommand implements Callable<Integer> {
    /** Stand-in fds for --map maps: the model keeps no fd table. */
    static final int FIRST_FD = 1000;

    @Parameters(index = "0", paramLabel = "FILE", description = "Assembly (.s) or bytecode file.")
    Path file;

    @Option(names = "--type", required = true, paramLabel = "TYPE", converter = Converters.ProgTypeConverter.class,
            description = "Program type (socket_filter is modelled in most depth; see docs/verifier-model.md).")
    ProgType type;

    @Option(names = "--unpriv", description = "Verify as an unprivileged loader (no CAP_BPF).")
    boolean unpriv;

    @Option(names = "--log-level", paramLabel = "N", defaultValue = "1", description = "Log level (default ${DEFAULT-VALUE}).")
    int logLevel;

    @Option(names = "--sleepable", description = "BPF_F_SLEEPABLE, as kernel load --sleepable.")
    boolean sleepable;

    @Option(names = "--attach", paramLabel = "STRUCT:MEMBER",
            description = "For --type struct_ops: the struct_ops member the program implements, e.g. tcp_congestion_ops:cong_avoid.")
    String attach;

    @Option(names = "--map", paramLabel = "NAME=TYPE:KEY:VALUE:ENTRIES", converter = MapSpec.Converter.class,
            description = "A map for the program's %%[NAME] operand, e.g. counts=array:4:8:256 (repeatable).")
    List<MapSpec> maps = new ArrayList<>();

    @Mixin JsonMixin json;
    @Spec CommandSpec spec;

    /**
     * For struct_ops programs, the checks BPF_PROG_LOAD makes before the walk (check_struct_ops_btf_id) on the
     * running kernel's struct_ops types; a rejection there is the verdict.
     */
    private java.util.Optional<Verdict> structOpsChecks() {
        if (type != ProgType.STRUCT_OPS) {
            if (attach != null) throw new io.kflab.bpf.diag.BadInputException("--attach " + attach, "STRUCT:MEMBER attach points are for --type struct_ops, not " + type.cliName());
            return java.util.Optional.empty();
        }
        io.kflab.bpf.btf.Btf btf = StructOpsCommand.btf();
        int btfId = 0, member = 0;
        if (attach != null) {
            io.kflab.bpf.btf.StructOpsMember m = io.kflab.bpf.btf.StructOpsMember.resolve(btf, attach);
            btfId = m.structBtfId();
            member = m.memberIndex();
        }
        var check = io.kflab.verifier.structops.StructOpsLoadCheck.check(StructOpsCommand.modelCatalog(btf, List.of()),
                new io.kflab.verifier.structops.ProgAttrs("GPL", btfId, member, sleepable ? io.kflab.verifier.structops.ProgAttrs.BPF_F_SLEEPABLE : 0));
        if (check instanceof io.kflab.verifier.structops.LoadCheck.Rejected(var errno, var log)) {
            return java.util.Optional.of(new Verdict(false, errno.name(), log, log.isEmpty() ? "" : log + "\n", 0));
        }
        return java.util.Optional.empty();
    }

    @Override
    public Integer call() {
        SymbolTable.Builder symbols = KernelSession.get().symbolsBuilder();
        Map<Integer, MapDef> defs = new HashMap<>();
        for (int i = 0; i < maps.size(); i++) {
            MapSpec m = maps.get(i);
            symbols.mapFd(m.name(), FIRST_FD + i);
            defs.put(FIRST_FD + i, new MapDef(m.type().value(), m.keySize(), m.valueSize(), m.maxEntries()));
        }
        byte[] bytes = ProgramFiles.readBytes(file, symbols.build());
        List<RawInsn> slots = RawInsn.fromBytes(bytes);
        VerifyOptions opts = new VerifyOptions(type, !unpriv, logLevel, defs, List.of(), VerifyOptions.hostCpuIds()).withSleepable(sleepable);
        Verdict v = structOpsChecks().orElseGet(() -> Verifier.verify(slots, opts));
        var out = spec.commandLine().getOut();
        if (json.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accepted", v.accepted());
            m.put("errno", v.accepted() ? null : v.errno());
            m.put("log", v.log());
            m.put("insnsProcessed", v.insnsProcessed());
            m.put("model", true);
            JsonMixin.print(out, m);
        } else {
            out.println(v.accepted() ? "accepted (model)" : "rejected (model): " + v.errno());
            if (v.insnsProcessed() >= 0) out.println("insns processed: " + v.insnsProcessed());
            if (!v.log().isEmpty()) {
                out.println("--- model log ---");
                out.println(v.log().stripTrailing());
            }
        }
        return v.accepted() ? 0 : 1;
    }
}
