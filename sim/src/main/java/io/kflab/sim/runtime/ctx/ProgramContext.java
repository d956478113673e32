package io.kflab.sim.runtime.ctx;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.mem.Memory;

/**
 * The context a test run hands a program, built from the run's data and ctx bytes the way
 * BPF_PROG_TEST_RUN builds it for the program type (kernel: bpf_prog_test_run_skb / _xdp / _syscall),
 * and turned back into data_out and ctx_out afterwards.
 */
public sealed interface ProgramContext permits SkbContext, XdpContext, RawContext {
    /** r1 at entry. */
    long ctxAddr();

    /** The socket buffer legacy packet loads (LD_ABS / LD_IND) read, or null for types without one. */
    default SkbContext skb() {
        return null;
    }

    /** data_out as the kernel copies it (empty when the type has no packet). */
    byte[] dataOut();

    /** ctx_out (empty unless a context was passed in). */
    byte[] ctxOut();

    /**
     * Builds the context for {@code type}.
     *
     * @throws BadInputException where the kernel's test run would fail with EINVAL
     */
    static ProgramContext prepare(ProgType type, byte[] data, byte[] ctx, Memory memory) {
        return switch (type) {
            case SOCKET_FILTER -> SkbContext.create(memory, data, ctx, false);
            case SCHED_CLS, SCHED_ACT -> SkbContext.create(memory, data, ctx, true);
            case XDP -> XdpContext.create(memory, data, ctx);
            default -> {
                if (type == ProgType.SYSCALL && data != null) {
                    throw new BadInputException("--data", "syscall programs take no packet data (BPF_PROG_TEST_RUN fails with EINVAL)");
                }
                yield RawContext.create(memory, ctx);
            }
        };
    }
}
