package io.kflab.bpf.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/** The BPF_PROG_TEST_RUN command (kernel: union bpf_attr, test block): runs a program once or {@code repeat} times on given input. */
public final class ProgTestRun {
    /** Flag (kernel: BPF_F_TEST_RUN_ON_CPU): run on {@link #cpu(int)}. */
    public static final int BPF_F_TEST_RUN_ON_CPU = 1;
    /** Flag (kernel: BPF_F_TEST_XDP_LIVE_FRAMES). */
    public static final int BPF_F_TEST_XDP_LIVE_FRAMES = 1 << 1;
    /** Flag (kernel: BPF_F_TEST_SKB_CHECKSUM_COMPLETE). */
    public static final int BPF_F_TEST_SKB_CHECKSUM_COMPLETE = 1 << 2;
    /** Extra room for data out beyond data in (XDP may grow a packet into its headroom). */
    public static final int DATA_OUT_SLACK = 256;

    private static final byte[] NONE = new byte[0];

    private final ProgFd prog;
    private byte[] dataIn;
    private int dataSizeOut = -1;
    private byte[] ctxIn;
    private int ctxSizeOut;
    private int repeat;
    private int flags;
    private int cpu;
    private int batchSize;

    ProgTestRun(ProgFd prog) {
        this.prog = prog;
    }

    /** data_in: the packet; data out gets {@code length + 256} bytes unless {@link #dataSizeOut(int)} says. */
    public ProgTestRun dataIn(byte[] data) {
        this.dataIn = data.clone();
        return this;
    }

    /** data_size_out: room for packet data out (0 = don't copy out). */
    public ProgTestRun dataSizeOut(int size) {
        this.dataSizeOut = size;
        return this;
    }

    /** ctx_in: the context (e.g. a struct __sk_buff or xdp_md image). */
    public ProgTestRun ctxIn(byte[] ctx) {
        this.ctxIn = ctx.clone();
        return this;
    }

    /** ctx_size_out: room for the context after the run (0 = don't copy out). */
    public ProgTestRun ctxSizeOut(int size) {
        this.ctxSizeOut = size;
        return this;
    }

    /** repeat: run this many times (0 and 1 both mean once); duration is the mean. */
    public ProgTestRun repeat(int repeat) {
        this.repeat = repeat;
        return this;
    }

    /** flags, e.g. {@link #BPF_F_TEST_RUN_ON_CPU}. */
    public ProgTestRun flags(int flags) {
        this.flags = flags;
        return this;
    }

    /** cpu, used with {@link #BPF_F_TEST_RUN_ON_CPU}. */
    public ProgTestRun cpu(int cpu) {
        this.cpu = cpu;
        return this;
    }

    /** batch_size, for XDP live frames. */
    public ProgTestRun batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Runs it; failures throw {@link BpfException}. */
    public TestRunResult run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfAttr.PROG_TEST_RUN);
            A.PROG_FD.set(attr, prog.fd());
            MemorySegment dataOut = MemorySegment.NULL;
            if (dataIn != null) {
                A.DATA_SIZE_IN.set(attr, dataIn.length);
                A.DATA_IN.set(attr, arena.allocateFrom(ValueLayout.JAVA_BYTE, dataIn).address());
            }
            int outSize = dataSizeOut >= 0 ? dataSizeOut : dataIn == null ? 0 : dataIn.length + DATA_OUT_SLACK;
            if (outSize > 0) {
                dataOut = arena.allocate(outSize);
                A.DATA_SIZE_OUT.set(attr, outSize);
                A.DATA_OUT.set(attr, dataOut.address());
            }
            MemorySegment ctxOut = MemorySegment.NULL;
            if (ctxIn != null) {
                A.CTX_SIZE_IN.set(attr, ctxIn.length);
                A.CTX_IN.set(attr, arena.allocateFrom(ValueLayout.JAVA_BYTE, ctxIn).address());
            }
            if (ctxSizeOut > 0) {
                ctxOut = arena.allocate(ctxSizeOut);
                A.CTX_SIZE_OUT.set(attr, ctxSizeOut);
                A.CTX_OUT.set(attr, ctxOut.address());
            }
            A.REPEAT.set(attr, repeat);
            A.FLAGS.set(attr, flags);
            A.CPU.set(attr, cpu);
            A.BATCH_SIZE.set(attr, batchSize);
            Bpf.call(arena, BpfCmd.BPF_PROG_TEST_RUN, attr, BpfAttr.PROG_TEST_RUN);
            byte[] data = outSize > 0 ? copy(dataOut, (int) A.DATA_SIZE_OUT.get(attr)) : NONE;
            byte[] ctx = ctxSizeOut > 0 ? copy(ctxOut, (int) A.CTX_SIZE_OUT.get(attr)) : NONE;
            return new TestRunResult((int) A.RETVAL.get(attr), (int) A.DURATION.get(attr), data, ctx);
        }
    }

    private static byte[] copy(MemorySegment out, int size) {
        return out.asSlice(0, Math.min(size, out.byteSize())).toArray(ValueLayout.JAVA_BYTE);
    }

    private static final class A {
        static final VarHandle PROG_FD = h("prog_fd");
        static final VarHandle RETVAL = h("retval");
        static final VarHandle DATA_SIZE_IN = h("data_size_in");
        static final VarHandle DATA_SIZE_OUT = h("data_size_out");
        static final VarHandle DATA_IN = h("data_in");
        static final VarHandle DATA_OUT = h("data_out");
        static final VarHandle REPEAT = h("repeat");
        static final VarHandle DURATION = h("duration");
        static final VarHandle CTX_SIZE_IN = h("ctx_size_in");
        static final VarHandle CTX_SIZE_OUT = h("ctx_size_out");
        static final VarHandle CTX_IN = h("ctx_in");
        static final VarHandle CTX_OUT = h("ctx_out");
        static final VarHandle FLAGS = h("flags");
        static final VarHandle CPU = h("cpu");
        static final VarHandle BATCH_SIZE = h("batch_size");

        private static VarHandle h(String f) {
            return BpfAttr.h(BpfAttr.PROG_TEST_RUN, f);
        }
    }
}
