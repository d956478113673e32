package io.kflab.sim.scx.bpf;

import io.kflab.sim.kernel.Task;
import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import io.kflab.sim.scx.ScxTask;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The task_struct a BPF scheduler sees in the simulation (kernel: struct task_struct with its
 * sched_ext_entity). The running kernel has no sched_ext, so its BTF has no {@code scx} member to
 * take offsets from: the simulation defines a compact layout, and programs name the offsets
 * through assembler constants ({@code %[task_pid]}, {@code %[scx_slice]}, ...). Fields are copied
 * in before each op and the writable ones back after it.
 */
public final class TaskLayout {
    public static final int PID = 0, WEIGHT = 4, NR_CPUS_ALLOWED = 8, SCX_WEIGHT = 12, SCX_SLICE = 16, SCX_DSQ_VTIME = 24,
            COMM = 32, STATE = 48, SIZE = 56;
    /** __state values (kernel: TASK_RUNNING, TASK_INTERRUPTIBLE, TASK_DEAD). */
    public static final int TASK_RUNNING = 0, TASK_INTERRUPTIBLE = 1, TASK_DEAD = 0x80;

    /** The assembler constants for the offsets. */
    public static final Map<String, Long> CONSTANTS = Map.of("task_pid", (long) PID, "task_weight", (long) WEIGHT,
            "task_nr_cpus_allowed", (long) NR_CPUS_ALLOWED, "scx_weight", (long) SCX_WEIGHT, "scx_slice", (long) SCX_SLICE,
            "scx_dsq_vtime", (long) SCX_DSQ_VTIME, "task_comm", (long) COMM, "task_comm_hi", (long) COMM + 8,
            "task_state", (long) STATE);

    private final Memory memory;
    private final Map<Task, Region> regions = new IdentityHashMap<>();
    private final Map<Long, Task> byAddress = new HashMap<>();

    public TaskLayout(Memory memory) {
        this.memory = memory;
    }

    /** The task's struct address, with its fields written from the simulation's state. */
    public long syncIn(Task t) {
        Region r = regions.computeIfAbsent(t, k -> {
            Region n = memory.allocate(RegionKind.KERNEL_OBJECT, "task_struct " + k, SIZE, true);
            byAddress.put(n.base(), k);
            byte[] comm = k.comm.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < Math.min(15, comm.length); i++) n.put(COMM + i, 1, comm[i]);
            return n;
        });
        ScxTask x = ScxTask.peek(t);
        if (x != null) x.weight = Math.max(1, Math.min(10_000, t.weight() * 100 / 1024)); // sched_weight_to_cgroup
        r.put(PID, 4, t.pid);
        r.put(WEIGHT, 4, t.weight());
        r.put(NR_CPUS_ALLOWED, 4, t.nrCpusAllowed());
        r.put(SCX_WEIGHT, 4, x == null ? 0 : x.weight);
        r.put(SCX_SLICE, 8, x == null ? 0 : x.slice);
        r.put(SCX_DSQ_VTIME, 8, x == null ? 0 : x.dsqVtime);
        r.put(STATE, 4, switch (t.state()) {
            case QUEUED, RUNNING, NEW -> TASK_RUNNING;
            case SLEEPING -> TASK_INTERRUPTIBLE;
            case DEAD -> TASK_DEAD;
        });
        return r.base();
    }

    /** Copies the fields a scheduler may write (kernel: p->scx.slice and p->scx.dsq_vtime) back. */
    public void syncOut(Task t) {
        Region r = regions.get(t);
        ScxTask x = ScxTask.peek(t);
        if (r == null || x == null) return;
        x.slice = r.get(SCX_SLICE, 8);
        x.dsqVtime = r.get(SCX_DSQ_VTIME, 8);
    }

    /** The task whose struct starts at {@code addr}, or null. */
    public Task at(long addr) {
        return byAddress.get(addr);
    }
}
