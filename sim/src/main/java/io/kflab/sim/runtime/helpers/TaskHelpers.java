package io.kflab.sim.runtime.helpers;

import io.kflab.sim.runtime.RuntimeConfig;
import java.nio.charset.StandardCharsets;

/** Helpers about the surroundings: time, the current task and CPU, random numbers. */
final class TaskHelpers {
    private TaskHelpers() {}

    /** TASK_COMM_LEN. */
    static final int TASK_COMM_LEN = 16;

    static void install(HelperTable t) {
        Helper clock = (c, a, b, d, e, f) -> c.runtime().config().clock().getAsLong();
        t.register("ktime_get_ns", clock);
        t.register("ktime_get_boot_ns", clock);
        t.register("ktime_get_coarse_ns", clock);
        t.register("get_current_pid_tgid", (c, a, b, d, e, f) -> {
            RuntimeConfig k = c.runtime().config();
            return (long) k.tgid() << 32 | (k.pid() & 0xffff_ffffL);
        });
        t.register("get_current_comm", (c, buf, size, d, e, f) -> {
            // strscpy_pad: at most size - 1 bytes of the name, the rest zero.
            if (size == 0) return 0;
            byte[] name = c.runtime().config().comm().getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[(int) size];
            System.arraycopy(name, 0, out, 0, Math.min(Math.min(name.length, TASK_COMM_LEN - 1), out.length - 1));
            c.memory().write(buf, out, c.insn());
            return 0;
        });
        t.register("get_smp_processor_id", (c, a, b, d, e, f) -> c.runtime().config().cpu());
        t.register("get_numa_node_id", (c, a, b, d, e, f) -> 0);
        t.register("get_prandom_u32", (c, a, b, d, e, f) -> c.runtime().random().nextInt() & 0xffff_ffffL);
    }
}
