package io.kflab.bench.dispatch;

import io.kflab.catalog.structops.Resolution;
import io.kflab.sim.scx.DsqId;
import io.kflab.sim.scx.Scx;
import io.kflab.sim.scx.ScxOp;
import io.kflab.verifier.resolve.Subsystem;
import io.kflab.verifier.resolve.Verdict;
import io.kflab.verifier.resolve.data.SubsystemData;
import io.kflab.verifier.resolve.design.Designs;

/**
 * One ops.dispatch invocation on CPU 1 calling scx_bpf_dsq_insert {@code calls} times, as each
 * design's kernel runs it, followed by the flush every design does (kernel: finish_dispatch).
 * POLYMORPHIC's target is decided once, here, by kflab's verifier model of the proposal (the load-time
 * rewrite); the calls then go straight to it.
 */
public final class DispatchOps {
    /** The variant the verifier model resolves scx_bpf_dsq_insert to in ops.dispatch. */
    public static final String BUFFERED = "scx_bpf_dsq_insert_buffered";
    static final int CPU = 1;
    static final long TASK0 = 0x1000;

    private final int calls;
    private final PerCpuKfState pc = new PerCpuKfState(2);
    private final DispatchBuffer buf = new DispatchBuffer(32);

    /** @param calls kfunc calls per op, 1..32 (the dispatch buffer's size) */
    public DispatchOps(int calls) {
        if (calls < 1 || calls > 32) throw new IllegalArgumentException("calls must be 1..32 (SCX_DSP_DFL_MAX_BATCH)");
        this.calls = calls;
        String target = resolvePolymorphic();
        if (!target.equals(BUFFERED)) throw new IllegalStateException("POLYMORPHIC resolves scx_bpf_dsq_insert in ops.dispatch to " + target);
    }

    /** What the POLYMORPHIC design's resolver returns for scx_bpf_dsq_insert called from ops.dispatch. */
    public static String resolvePolymorphic() {
        Subsystem s = SubsystemData.named("sched_ext");
        Verdict v = Designs.of(Resolution.POLYMORPHIC).decide(s, s.kfunc("scx_bpf_dsq_insert").orElseThrow(),
                s.contextOf(s.member("dispatch").orElseThrow()));
        return v.resolvesTo().orElse("(rejected: " + v.message() + ")");
    }

    public int calls() {
        return calls;
    }

    /** The op calling the concrete body directly: the floor. */
    public long directCall() {
        for (int i = 0; i < calls; i++) DsqInsertPaths.buffered(buf, TASK0 + i, DsqId.GLOBAL, Scx.SLICE_DFL, 0);
        return buf.flush();
    }

    /** 6.12: kf_mask set around the op, tested in every call; the marker read in every call. */
    public long runtimeMask() {
        int saved = pc.enterOp(CPU, ScxOp.DISPATCH);
        for (int i = 0; i < calls; i++) DsqInsertPaths.runtimeMask(pc, CPU, buf, TASK0 + i, DsqId.GLOBAL, Scx.SLICE_DFL, 0);
        pc.exitOp(CPU, saved);
        return buf.flush();
    }

    /** 7.1: checked at load; the marker read in every call. */
    public long loadFilter() {
        for (int i = 0; i < calls; i++) DsqInsertPaths.loadFilter(pc, CPU, buf, TASK0 + i, DsqId.GLOBAL, Scx.SLICE_DFL, 0);
        return buf.flush();
    }

    /** Vernet's proposal: the call was rewritten at load to the buffered body. */
    public long polymorphic() {
        for (int i = 0; i < calls; i++) DsqInsertPaths.buffered(buf, TASK0 + i, DsqId.GLOBAL, Scx.SLICE_DFL, 0);
        return buf.flush();
    }

    /** The op under {@code d}. */
    public long run(DispatchDesign d) {
        return switch (d) {
            case DIRECT_CALL -> directCall();
            case RUNTIME_MASK -> runtimeMask();
            case LOAD_FILTER -> loadFilter();
            case POLYMORPHIC -> polymorphic();
        };
    }

    /** Run-time check failures (must stay 0: every call here is legal). */
    public long errors() {
        return pc.errors() + buf.overflows();
    }
}
