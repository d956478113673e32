package io.kflab.sim.scx.bpf;

import io.kflab.sim.kernel.Task;
import io.kflab.sim.runtime.helpers.CallContext;
import io.kflab.sim.runtime.helpers.Helper;
import io.kflab.sim.runtime.helpers.KfuncRegistry;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.scx.Scx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The scx kfuncs as the BPF runtime calls them (kernel: the BTF_KFUNCS sets of kernel/sched/ext.c):
 * each name gets a synthetic BTF id (the running kernel's BTF has no sched_ext), and each call
 * decodes its register arguments — task pointers through {@link TaskLayout} — into {@link Scx}.
 */
public final class ScxKfuncBindings {
    /** Synthetic BTF ids start here, far above vmlinux's. */
    static final int FIRST_ID = 0x7f00_0000;

    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final Map<String, Helper> impls = new LinkedHashMap<>();

    ScxKfuncBindings(Supplier<Scx> scx, TaskLayout tasks) {
        add("scx_bpf_dsq_insert", (c, p, dsq, slice, flags, r5) -> {
            scx.get().dsqInsert(task(tasks, p), dsq, slice, flags);
            return 0;
        });
        add("scx_bpf_dsq_insert_vtime", (c, p, dsq, slice, vtime, flags) -> {
            scx.get().dsqInsertVtime(task(tasks, p), dsq, slice, vtime, flags);
            return 0;
        });
        add("scx_bpf_dsq_move_to_local", (c, dsq, r2, r3, r4, r5) -> scx.get().dsqMoveToLocal(dsq) ? 1 : 0);
        add("scx_bpf_dispatch_nr_slots", (c, r1, r2, r3, r4, r5) -> scx.get().dispatchNrSlots());
        add("scx_bpf_dispatch_cancel", (c, r1, r2, r3, r4, r5) -> {
            scx.get().dispatchCancel();
            return 0;
        });
        add("scx_bpf_create_dsq", (c, dsq, node, r3, r4, r5) -> scx.get().createDsq(dsq, (int) node));
        add("scx_bpf_dsq_nr_queued", (c, dsq, r2, r3, r4, r5) -> scx.get().dsqNrQueued(dsq));
        add("scx_bpf_kick_cpu", (c, cpu, flags, r3, r4, r5) -> {
            scx.get().kickCpu((int) cpu, flags);
            return 0;
        });
        add("scx_bpf_select_cpu_dfl", (c, p, prev, wakeFlags, isIdlePtr, r5) -> {
            boolean[] idle = new boolean[1];
            int cpu = scx.get().selectCpuDfl(task(tasks, p), (int) prev, wakeFlags, idle);
            if (isIdlePtr != 0) c.memory().check(isIdlePtr, 1, true, c.insn()).put((int) (isIdlePtr - c.memory().regionAt(isIdlePtr).base()), 1, idle[0] ? 1 : 0);
            return cpu;
        });
        add("scx_bpf_error", (c, msg, r2, r3, r4, r5) -> {
            scx.get().error(string(c, msg));
            return 0;
        });
        add("scx_bpf_exit", (c, code, msg, r3, r4, r5) -> {
            scx.get().exit(code, string(c, msg));
            return 0;
        });
        add("scx_bpf_now", (c, r1, r2, r3, r4, r5) -> scx.get().now());
        add("scx_bpf_nr_cpu_ids", (c, r1, r2, r3, r4, r5) -> scx.get().nrCpus());
        add("scx_bpf_task_cpu", (c, p, r2, r3, r4, r5) -> task(tasks, p) == null ? -1 : Math.max(0, task(tasks, p).cpu()));
    }

    private void add(String name, Helper h) {
        ids.put(name, FIRST_ID + ids.size());
        impls.put(name, h);
    }

    /** The synthetic BTF id of {@code name}, or null when it is not an scx kfunc. */
    public Integer id(String name) {
        return ids.get(name);
    }

    public Map<String, Integer> ids() {
        return java.util.Collections.unmodifiableMap(ids);
    }

    void registerInto(KfuncRegistry r) {
        for (var e : ids.entrySet()) r.register(e.getKey(), impls.get(e.getKey())).bind(e.getValue(), e.getKey());
    }

    private static Task task(TaskLayout tasks, long addr) {
        return addr == 0 ? null : tasks.at(addr);
    }

    /** A NUL-terminated string of at most 128 bytes at {@code addr} (kernel: scx_bpf_error_bstr's format, already formatted). */
    private static String string(CallContext c, long addr) {
        if (addr == 0) return "";
        Region r = c.memory().regionAt(addr);
        if (r == null) return "(bad string pointer)";
        StringBuilder sb = new StringBuilder();
        for (long a = addr; a < r.end() && sb.length() < 128; a++) {
            int b = (int) r.get((int) (a - r.base()), 1);
            if (b == 0) break;
            sb.append((char) b);
        }
        return sb.toString();
    }
}
