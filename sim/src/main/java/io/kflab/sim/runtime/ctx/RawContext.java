package io.kflab.sim.runtime.ctx;

import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;

/**
 * A context that is just the bytes passed in (kernel: bpf_prog_test_run_syscall, which copies ctx_in
 * and back). Program types whose real context the runtime does not build (kprobe pt_regs, tracepoint
 * records, struct_ops arguments) get the same: the caller supplies the bytes.
 */
public final class RawContext implements ProgramContext {
    private final Region ctx;
    private final boolean given;

    private RawContext(Region ctx, boolean given) {
        this.ctx = ctx;
        this.given = given;
    }

    /** A context over an existing region, reused across runs (e.g. the argument array of struct_ops calls). */
    public static RawContext of(Region region) {
        return new RawContext(region, true);
    }

    static RawContext create(Memory memory, byte[] ctxIn) {
        byte[] b = ctxIn == null ? new byte[0] : ctxIn.clone();
        return new RawContext(memory.wrap(RegionKind.CTX, "ctx", b, true), ctxIn != null);
    }

    @Override
    public long ctxAddr() {
        return ctx.base();
    }

    @Override
    public byte[] dataOut() {
        return new byte[0];
    }

    @Override
    public byte[] ctxOut() {
        return given ? ctx.bytes().clone() : new byte[0];
    }
}
