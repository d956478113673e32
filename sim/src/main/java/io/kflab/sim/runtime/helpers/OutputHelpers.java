package io.kflab.sim.runtime.helpers;

import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.maps.Errno;
import io.kflab.sim.runtime.maps.PerfEventArrayMap;
import io.kflab.sim.runtime.maps.RingbufMap;
import io.kflab.sim.runtime.maps.SimMap;

/** Helpers that send data to user space: bpf_trace_printk, the ring buffer helpers, bpf_perf_event_output. */
final class OutputHelpers {
    private OutputHelpers() {}

    static void install(HelperTable t) {
        t.register("trace_printk", (c, fmt, size, a1, a2, a3) -> {
            if (size <= 0 || size > 1 << 16) return -Errno.EINVAL;
            byte[] f = c.memory().read(fmt, (int) size, c.insn());
            if (f[f.length - 1] != 0) return -Errno.EINVAL;
            String line = TracePrintk.format(c, f, new long[] {a1, a2, a3});
            if (line == null) return -Errno.EINVAL;
            c.runtime().tracePipe().add(line);
            return line.length();
        });
        t.register("ringbuf_output", (c, map, data, size, flags, r5) -> {
            RingbufMap rb = ringbuf(c, map, "bpf_ringbuf_output");
            return rb.output(c.memory().read(data, (int) size, c.insn()), flags);
        });
        t.register("ringbuf_reserve", (c, map, size, flags, r4, r5) -> ringbuf(c, map, "bpf_ringbuf_reserve").reserve(size, flags));
        t.register("ringbuf_submit", (c, rec, flags, r3, r4, r5) -> {
            owner(c, rec, "bpf_ringbuf_submit").commit(rec, true);
            return 0;
        });
        t.register("ringbuf_discard", (c, rec, flags, r3, r4, r5) -> {
            owner(c, rec, "bpf_ringbuf_discard").commit(rec, false);
            return 0;
        });
        t.register("perf_event_output", (c, ctx, map, flags, data, size) -> {
            SimMap m = MapHelpers.map(c, map, "bpf_perf_event_output");
            if (!(m instanceof PerfEventArrayMap p)) throw new RuntimeFault(c.insn(), "bpf_perf_event_output on a " + m.def().type().cliName() + " map");
            return p.output(flags, c.runtime().config().cpu(), c.memory().read(data, (int) size, c.insn()));
        });
    }

    private static RingbufMap ringbuf(CallContext c, long map, String helper) {
        SimMap m = MapHelpers.map(c, map, helper);
        if (!(m instanceof RingbufMap rb)) throw new RuntimeFault(c.insn(), helper + " on a " + m.def().type().cliName() + " map");
        return rb;
    }

    /** The ring buffer that reserved the record at {@code rec}; a fault when none did (a release of what was not acquired). */
    private static RingbufMap owner(CallContext c, long rec, String helper) {
        for (SimMap m : c.runtime().maps().values()) {
            if (m instanceof RingbufMap rb && rb.isReserved(rec)) return rb;
        }
        throw new RuntimeFault(c.insn(), helper + ": 0x" + Long.toHexString(rec) + " is not a reserved ring buffer record");
    }
}
