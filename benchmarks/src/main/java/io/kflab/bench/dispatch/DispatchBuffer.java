package io.kflab.bench.dispatch;

/**
 * The concrete bodies of scx_bpf_dsq_insert (kernel: the per-CPU scx_dsp_ctx buffer that
 * ops.dispatch fills and finish_dispatch drains, and the ddsp_dsq_id a direct dispatch records on
 * the task in select_cpu/enqueue). One buffer per simulated CPU; not thread-safe.
 */
public final class DispatchBuffer {
    private final long[] task, dsq, slice, flags;
    private int cursor;
    private long overflows;
    /** The last direct dispatch recorded: task and DSQ (kernel: p->scx.ddsp_dsq_id). */
    private long directTask, directDsq;

    /** A buffer of {@code maxBatch} entries (kernel: scx_dsp_max_batch, SCX_DSP_DFL_MAX_BATCH = 32). */
    public DispatchBuffer(int maxBatch) {
        task = new long[maxBatch];
        dsq = new long[maxBatch];
        slice = new long[maxBatch];
        flags = new long[maxBatch];
    }

    /** scx_bpf_dsq_insert_buffered: appends to the buffer (kernel: dspc->buf[dspc->cursor++]); a full buffer is an error. */
    public static void insertBuffered(DispatchBuffer b, long p, long dsqId, long sliceNs, long enqFlags) {
        int c = b.cursor;
        if (c >= b.task.length) {
            b.overflows++; // kernel: scx_ops_error("dispatch buffer overflow")
            return;
        }
        b.task[c] = p;
        b.dsq[c] = dsqId;
        b.slice[c] = sliceNs;
        b.flags[c] = enqFlags;
        b.cursor = c + 1;
    }

    /** scx_bpf_dsq_insert_direct: records where the task goes once select_cpu/enqueue returns (kernel: mark_direct_dispatch). */
    public static void insertDirect(DispatchBuffer b, long p, long dsqId) {
        b.directTask = p;
        b.directDsq = dsqId;
    }

    /** finish_dispatch for every entry, modelled as a checksum of what it would move; empties the buffer. */
    public long flush() {
        long sum = 0;
        for (int i = 0; i < cursor; i++) sum += task[i] * 31 + dsq[i] + slice[i] + flags[i];
        cursor = 0;
        return sum;
    }

    /** Entries buffered since the last flush. */
    public int buffered() {
        return cursor;
    }

    /** Inserts refused because the buffer was full. */
    public long overflows() {
        return overflows;
    }

    /** The task of the last direct dispatch (0 when none). */
    public long directTask() {
        return directTask;
    }

    public long directDsq() {
        return directDsq;
    }
}
