package io.kflab.verifier.resolve.rewrite;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.Opcodes;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.verifier.resolve.KfuncSpec;
import io.kflab.verifier.resolve.ResolutionContext;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;
import io.kflab.verifier.resolve.design.KfuncDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verifier's one-time call rewrite for a design (kernel: fixup_kfunc_call after
 * specialize_kfunc; Vernet's proposal rewrites the BTF id): every {@code call} with
 * src_reg = BPF_PSEUDO_KFUNC_CALL whose imm names a kfunc of the subsystem is decided, and its imm
 * replaced by the resolved kfunc's id. Other slots, and the second slot of a ld_imm64, are copied.
 */
public final class CallRewriter {
    private static final int CALL = Opcodes.BPF_JMP | Opcodes.BPF_CALL;
    private static final int LD_IMM64 = Opcodes.BPF_LD | Opcodes.BPF_IMM | Opcodes.BPF_DW;

    private CallRewriter() {}

    /** Resolves the program's kfunc calls from {@code ctx}; a call naming no kfunc of the subsystem is a BadInputException at that slot. */
    public static Rewrite rewrite(List<RawInsn> program, Subsystem s, KfuncDesign design, ResolutionContext ctx, KfuncIds ids) {
        List<RawInsn> out = new ArrayList<>(program.size());
        List<CallSite> sites = new ArrayList<>();
        List<String> log = new ArrayList<>();
        boolean loads = true;
        for (int i = 0; i < program.size(); i++) {
            RawInsn r = program.get(i);
            if (r.code() == LD_IMM64 && i + 1 < program.size()) {
                out.add(r);
                out.add(program.get(++i));
                continue;
            }
            if (r.code() != CALL || r.src() != Opcodes.BPF_PSEUDO_KFUNC_CALL) {
                out.add(r);
                continue;
            }
            String named = ids.name(r.imm()).orElseThrow(() -> new BadInputException("insn " + out.size(),
                    "call to kfunc id " + r.imm() + " which is not a kfunc of " + s.name() + "; expected one of its kfuncs"));
            KfuncSpec k = s.kfunc(named).orElseThrow(() -> new BadInputException("insn " + out.size(),
                    "call to " + named + " which is not a kfunc of " + s.name()));
            Verdict v = design.decide(s, k, named, ctx);
            Optional<String> target = v.resolvesTo();
            Optional<Integer> targetId = target.flatMap(ids::id);
            int slot = out.size();
            String head = slot + ": (85) call " + named + "#" + r.imm();
            if (v instanceof Verdict.RejectedAtLoad rej) {
                loads = false;
                out.add(r);
                log.add(head + ": " + rej.log() + " (" + rej.errno().name() + ", " + design.profile().kind() + ", " + ctx.describe() + ")");
            } else if (targetId.isPresent() && targetId.get() != r.imm()) {
                out.add(new RawInsn(r.code(), r.dst(), r.src(), r.off(), targetId.get()));
                log.add(head + " -> " + target.get() + "#" + targetId.get() + " (" + design.profile().kind() + ", " + ctx.describe() + ")"
                        + (v instanceof Verdict.AllowedFailsAtRuntime f ? "; fails at run time: " + f.error() : ""));
            } else {
                out.add(r);
                log.add(head + " unchanged (" + design.profile().kind() + ", " + ctx.describe() + ")"
                        + (v instanceof Verdict.AllowedFailsAtRuntime f ? "; fails at run time: " + f.error() : ""));
            }
            sites.add(new CallSite(slot, r.imm(), named, v, target, targetId.or(() -> target.isPresent() ? Optional.of(r.imm()) : Optional.empty())));
        }
        return new Rewrite(out, sites, log, loads);
    }
}
