package io.kflab.bench.dispatch;

import io.kflab.bpf.asm.Assembled;
import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.structops.Resolution;
import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RuntimeConfig;
import io.kflab.sim.runtime.ctx.RawContext;
import io.kflab.sim.runtime.interp.Interpreter;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import io.kflab.sim.scx.DsqId;
import io.kflab.sim.scx.Scx;
import io.kflab.sim.scx.ScxOp;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.data.SubsystemData;
import io.kflab.verifier.resolve.design.Designs;
import io.kflab.verifier.resolve.rewrite.CallRewriter;
import io.kflab.verifier.resolve.rewrite.KfuncIds;
import io.kflab.verifier.resolve.rewrite.Rewrite;
import java.util.List;

/**
 * A sched_ext ops.dispatch program in BPF assembly that calls scx_bpf_dsq_insert {@code calls}
 * times, loaded and run in kflab's BPF runtime under one design: the program is passed through the
 * design's call rewrite (kflab's model of the verifier's fixup; POLYMORPHIC turns the call into
 * scx_bpf_dsq_insert_buffered), the runtime binds the kfuncs to the bodies of {@link DsqInsertPaths},
 * and RUNTIME_MASK wraps every run in the kf_mask writes. The floor is the same loop naming the
 * buffered body itself. The interpreter's own cost per call is the same in every design, so the
 * differences are the mechanism's, diluted by the interpreter.
 */
public final class DispatchLoop {
    /** The dispatch loop; CALLS is bound per instance. r1 = the u64 args of ops.dispatch(cpu, prev). */
    static final String SOURCE = """
            // void dispatch(s32 cpu, struct task_struct *prev): insert CALLS tasks into the global DSQ
            	r6 = %[CALLS]
            loop:
            	r1 = r6                          // a task token: the bodies record it, nothing dereferences it
            	r1 += 4096
            	r2 = %[SCX_DSQ_GLOBAL] ll
            	r3 = %[SCX_SLICE_DFL] ll
            	r4 = 0
            	call KFUNC
            	r6 += -1
            	if r6 != 0 goto loop
            	r0 = 0
            	exit
            """;

    private final DispatchDesign design;
    private final int calls;
    private final Interpreter interp;
    private final LoadedProgram prog;
    private final RawContext ctx;
    private final PerCpuKfState pc = new PerCpuKfState(1);
    private final DispatchBuffer buf = new DispatchBuffer(32);
    private final Rewrite rewrite;

    public DispatchLoop(DispatchDesign design, int calls) {
        if (calls < 1 || calls > 32) throw new IllegalArgumentException("calls must be 1..32 (SCX_DSP_DFL_MAX_BATCH)");
        this.design = design;
        this.calls = calls;
        Subsystem scx = SubsystemData.named("sched_ext");
        KfuncIds ids = KfuncIds.synthetic(scx);
        BpfRuntime rt = new BpfRuntime(RuntimeConfig.defaults());
        rt.kfuncs().register("scx_bpf_dsq_insert", switch (design) {
            case RUNTIME_MASK -> (c, p, dsq, slice, flags, r5) -> {
                DsqInsertPaths.runtimeMask(pc, 0, buf, p, dsq, slice, flags);
                return 0;
            };
            default -> (c, p, dsq, slice, flags, r5) -> {
                DsqInsertPaths.loadFilter(pc, 0, buf, p, dsq, slice, flags);
                return 0;
            };
        });
        rt.kfuncs().register(DispatchOps.BUFFERED, (c, p, dsq, slice, flags, r5) -> {
            DsqInsertPaths.buffered(buf, p, dsq, slice, flags);
            return 0;
        });
        for (String n : List.of("scx_bpf_dsq_insert", DispatchOps.BUFFERED)) rt.kfuncs().bind(ids.id(n).orElseThrow(), n);

        SymbolTable symbols = SymbolTable.builder().kfuncs(n -> ids.id(n).orElse(null))
                .constant("CALLS", calls).constant("SCX_DSQ_GLOBAL", DsqId.GLOBAL).constant("SCX_SLICE_DFL", Scx.SLICE_DFL).build();
        String named = design == DispatchDesign.DIRECT_CALL ? DispatchOps.BUFFERED : "scx_bpf_dsq_insert";
        Assembled a = new Assembler(symbols).assemble(SOURCE.replace("KFUNC", named), "dispatch-loop.s");
        if (design == DispatchDesign.DIRECT_CALL) {
            // the floor is no design: the program calls the body itself, nothing is resolved
            rewrite = null;
            this.prog = rt.load(a.program(), ProgType.STRUCT_OPS);
        } else {
            rewrite = CallRewriter.rewrite(a.slots(), scx, Designs.of(Resolution.valueOf(design.name())),
                    scx.contextOf(scx.member("dispatch").orElseThrow()), ids);
            if (!rewrite.loads()) throw new IllegalStateException(design + " rejects the dispatch loop: " + rewrite.log());
            this.prog = rt.load(new Assembled(a.source(), rewrite.program(), a.lines()).program(), ProgType.STRUCT_OPS);
        }
        this.interp = new Interpreter(rt);
        Region args = rt.memory().allocate(RegionKind.CTX, "struct_ops args", 16, true);
        this.ctx = RawContext.of(args);
    }

    /** The kfunc each call site reaches after the design's rewrite. */
    public List<String> resolvedCalls() {
        if (rewrite == null) return List.of(DispatchOps.BUFFERED);
        return rewrite.sites().stream().map(s -> s.resolved().orElse("(rejected)")).toList();
    }

    /** The verifier model's log of the rewrite. */
    public List<String> rewriteLog() {
        return rewrite == null ? List.of() : rewrite.log();
    }

    public DispatchDesign design() {
        return design;
    }

    public int calls() {
        return calls;
    }

    /** One run of ops.dispatch and the flush; the buffer's checksum. */
    public long runOnce() {
        long r;
        if (design == DispatchDesign.RUNTIME_MASK) {
            int saved = pc.enterOp(0, ScxOp.DISPATCH);
            r = interp.invoke(prog, ctx).r0();
            pc.exitOp(0, saved);
        } else {
            r = interp.invoke(prog, ctx).r0();
        }
        return buf.flush() + r;
    }

    /** Run-time check failures and overflows so far (must stay 0: every call is legal). */
    public long errors() {
        return pc.errors() + buf.overflows();
    }
}
