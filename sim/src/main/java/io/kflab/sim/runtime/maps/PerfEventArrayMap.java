package io.kflab.sim.runtime.maps;

import io.kflab.sim.runtime.mem.Memory;
import java.util.ArrayList;
import java.util.List;

/**
 * BPF_MAP_TYPE_PERF_EVENT_ARRAY: one perf buffer per index. Here every index below max_entries has a
 * buffer opened (the kernel needs user space to open and store a perf event fd first), and samples
 * queue without limit.
 */
public final class PerfEventArrayMap extends SimMap {
    /** The index mask of the flags argument (kernel: BPF_F_INDEX_MASK) and "the current CPU" (BPF_F_CURRENT_CPU). */
    public static final long BPF_F_INDEX_MASK = 0xffff_ffffL;
    public static final long BPF_F_CURRENT_CPU = BPF_F_INDEX_MASK;
    /** The ctx-length bits of bpf_perf_event_output's flags (kernel: BPF_F_CTXLEN_MASK). */
    public static final long BPF_F_CTXLEN_MASK = 0xfffffL << 32;

    private final List<List<byte[]>> samples = new ArrayList<>();

    PerfEventArrayMap(MapDef def, Memory memory, int cpus) {
        super(def, memory);
        for (int i = 0; i < def.maxEntries(); i++) samples.add(new ArrayList<>());
    }

    /** bpf_perf_event_output: 0, -EINVAL for unknown flags, -E2BIG for an index past max_entries. */
    public int output(long flags, int cpu, byte[] data) {
        if ((flags & ~(BPF_F_INDEX_MASK | BPF_F_CTXLEN_MASK)) != 0) return -Errno.EINVAL;
        if ((flags & BPF_F_CTXLEN_MASK) != 0) return -Errno.EOPNOTSUPP;
        long index = flags & BPF_F_INDEX_MASK;
        if (index == BPF_F_CURRENT_CPU) index = cpu;
        if (index >= def.maxEntries()) return -Errno.E2BIG;
        samples.get((int) index).add(data.clone());
        return 0;
    }

    /** The samples written to buffer {@code index}, in order (taken: the list is emptied). */
    public List<byte[]> drain(int index) {
        List<byte[]> out = new ArrayList<>(samples.get(index));
        samples.get(index).clear();
        return out;
    }
}
