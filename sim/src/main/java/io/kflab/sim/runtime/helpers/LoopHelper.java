package io.kflab.sim.runtime.helpers;

import io.kflab.sim.runtime.maps.Errno;

/** bpf_loop: calls a callback of the program up to nr_loops times, stopping when it returns non-zero. */
final class LoopHelper {
    private LoopHelper() {}

    /** Most iterations bpf_loop allows (kernel: BPF_MAX_LOOPS). */
    static final long BPF_MAX_LOOPS = 1 << 23;

    static void install(HelperTable t) {
        t.register("loop", (c, nr, fn, ctx, flags, r5) -> {
            long n = nr & 0xffff_ffffL;
            if (flags != 0) return -Errno.EINVAL;
            if (n > BPF_MAX_LOOPS) return -Errno.E2BIG;
            for (long i = 0; i < n; i++) {
                if (c.callFunction(fn, i, ctx) != 0) return i + 1;
            }
            return n;
        });
    }
}
