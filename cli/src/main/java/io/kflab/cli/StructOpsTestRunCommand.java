package io.kflab.cli;

import io.kflab.bpf.asm.ProgramFiles;
import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.verifier.structops.BpfDummyOps;
import io.kflab.verifier.structops.OpsMember;
import io.kflab.verifier.structops.ProgAttrs;
import io.kflab.verifier.structops.StructOpsType;
import io.kflab.verifier.structops.diff.KernelSyscalls;
import io.kflab.verifier.structops.model.ProgBody;
import io.kflab.verifier.structops.model.SysResult;
import io.kflab.verifier.structops.model.TestRunArgs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** {@code kflab structops test-run}: BPF_PROG_TEST_RUN of a bpf_dummy_ops program with the u64 argument array as ctx. */
@Command(name = "test-run", description = "Load a bpf_dummy_ops program for --member and run it once with BPF_PROG_TEST_RUN "
        + "(ctx = u64 arguments; args[0] points to a struct bpf_dummy_ops_state). Without FILE the program returns state->val, "
        + "or -1 when the state is NULL. Exit 0 when it ran, 1 when the kernel refused.")
final class StructOpsTestRunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Program (assembly or bytecode).")
    Path file;

    @Option(names = "--member", required = true, paramLabel = "MEMBER", description = "test_1, test_2 or test_sleepable.")
    String member;

    @Option(names = "--state", paramLabel = "VAL", description = "The state's val; without it args[0] is NULL.")
    Integer state;

    @Option(names = "--arg", paramLabel = "N", description = "Further arguments args[1..] (repeatable; missing ones are 0).")
    List<Long> args = new ArrayList<>();

    @Option(names = "--ctx-slots", paramLabel = "N", description = "u64 slots in ctx_in (default: the member's argument count; -1: no ctx).")
    Integer ctxSlots;

    @Option(names = "--sleepable", description = "Load with BPF_F_SLEEPABLE.")
    boolean sleepable;

    @Mixin JsonMixin json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Btf btf = StructOpsCommand.btf();
        StructOpsType t = StructOpsType.of(btf, BpfDummyOps.NAME);
        OpsMember.Func f = t.funcs().stream().filter(x -> x.name().equals(member)).findFirst().orElseThrow(() ->
                new BadInputException("--member " + member, "a member of bpf_dummy_ops: "
                        + String.join(", ", t.funcs().stream().map(OpsMember::name).toList())));
        int slots = ctxSlots != null ? ctxSlots : f.nargs();
        if (slots < -1 || slots > 12) throw new BadInputException("--ctx-slots " + slots, "-1 to 12");
        byte[] insns = file != null ? ProgramFiles.readBytes(file, KernelSession.get().symbols()) : null;
        BpfCapability.require();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("member", member);
        j.put("memberIndex", f.index());
        try (KernelSyscalls k = new KernelSyscalls()) {
            ProgAttrs a = new ProgAttrs("GPL", t.typeId(), f.index(), sleepable ? ProgAttrs.BPF_F_SLEEPABLE : 0);
            SysResult load = insns != null ? k.progLoad(a, insns) : k.progLoad(a, new ProgBody.StateValOr(-1));
            j.put("loaded", load.ok());
            if (!load.ok()) {
                j.put("errno", load.errno().name());
                j.put("log", load.log().strip());
                return finish(j, 1);
            }
            long[] rest = args.stream().mapToLong(Long::longValue).toArray();
            SysResult r = k.testRun(load.fd(), new TestRunArgs(state, rest, slots));
            j.put("ran", r.ok());
            if (!r.ok()) {
                j.put("errno", r.errno().name());
                return finish(j, 1);
            }
            j.put("retval", (int) r.value());
            if (r.data().length == 4) j.put("stateAfter", ByteBuffer.wrap(r.data()).order(ByteOrder.LITTLE_ENDIAN).getInt());
            return finish(j, 0);
        }
    }

    private int finish(Map<String, Object> j, int exit) {
        var w = spec.commandLine().getOut();
        if (json.json()) {
            JsonMixin.print(w, j);
        } else if (!Boolean.TRUE.equals(j.get("loaded"))) {
            w.println("load rejected: " + j.get("errno"));
            w.println(j.get("log"));
        } else if (!Boolean.TRUE.equals(j.get("ran"))) {
            w.println("test_run refused: " + j.get("errno"));
        } else {
            w.println("retval " + j.get("retval") + (j.containsKey("stateAfter") ? ", state->val after " + j.get("stateAfter") : ""));
        }
        return exit;
    }
}
