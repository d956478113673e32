package io.kflab.sim.scx.bpf;

import io.kflab.bpf.isa.Program;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.kernel.Task;
import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RuntimeConfig;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.ctx.RawContext;
import io.kflab.sim.runtime.interp.Interpreter;
import io.kflab.sim.runtime.maps.MapDef;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import io.kflab.sim.scx.ExitInfo;
import io.kflab.sim.scx.Scx;
import io.kflab.sim.scx.ScxOp;
import io.kflab.sim.scx.ScxOps;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A sched_ext scheduler whose ops are BPF programs (kernel: a struct_ops map of sched_ext_ops whose
 * function members are STRUCT_OPS programs): every op call writes its arguments into the u64
 * context array, runs the member's program in the BPF runtime, and returns r0.
 */
public final class BpfScheduler implements ScxOps {
    private final SchedulerSpec spec;
    private final BpfRuntime rt;
    private final Interpreter interp;
    private final TaskLayout tasks;
    private final Map<ScxOp, LoadedProgram> progs = new EnumMap<>(ScxOp.class);
    private final Map<ScxOp, long[]> insns = new EnumMap<>(ScxOp.class);
    private final Region args;
    private final RawContext ctx;
    private Scx scx;

    /** The runtime the member programs will run in, with the spec's maps created; programs are then assembled against {@link #symbols}. */
    BpfScheduler(SchedulerSpec spec, long seed, ScxKfuncBindings[] bindingsOut) {
        this.spec = spec;
        this.rt = new BpfRuntime(RuntimeConfig.defaults().withSeed(seed).withClock(() -> scx == null ? 0 : scx.now()));
        this.interp = new Interpreter(rt);
        this.tasks = new TaskLayout(rt.memory());
        ScxKfuncBindings b = new ScxKfuncBindings(() -> scx, tasks);
        b.registerInto(rt.kfuncs());
        bindingsOut[0] = b;
        for (SchedulerSpec.MapSpec m : spec.maps()) {
            MapType type = MapType.fromCliName(m.type()).orElseThrow();
            rt.createMap(MapDef.of(m.name(), type, m.keySize(), m.valueSize(), m.maxEntries()));
        }
        this.args = rt.memory().allocate(RegionKind.CTX, "struct_ops args", 6 * 8, true);
        this.ctx = RawContext.of(args);
    }

    BpfRuntime runtime() {
        return rt;
    }

    void install(ScxOp op, Program program) {
        progs.put(op, rt.load(program, ProgType.STRUCT_OPS));
    }

    /** The scheduler's map {@code name} (kernel: the skeleton's maps, as user space reads them). */
    public java.util.Optional<io.kflab.sim.runtime.maps.SimMap> map(String name) {
        return rt.map(name);
    }

    /** BPF instructions executed per call of each op: {calls, instructions}. */
    public Map<ScxOp, long[]> insnCounts() {
        return Collections.unmodifiableMap(insns);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Set<ScxOp> implemented() {
        return progs.isEmpty() ? EnumSet.noneOf(ScxOp.class) : EnumSet.copyOf(progs.keySet());
    }

    @Override
    public long flags() {
        return spec.flags();
    }

    @Override
    public int timeoutMs() {
        return spec.timeoutMs();
    }

    @Override
    public int dispatchMaxBatch() {
        return spec.dispatchMaxBatch();
    }

    /** Runs {@code op} with u64 arguments (tasks as their struct addresses); its r0. */
    private long call(Scx s, ScxOp op, Task[] taskArgs, long... values) {
        this.scx = s;
        for (int i = 0; i < values.length; i++) args.put(i * 8, 8, values[i]);
        for (Task t : taskArgs) if (t != null) tasks.syncIn(t);
        long r0 = 0;
        try {
            Interpreter.Invocation inv = interp.invoke(progs.get(op), ctx);
            r0 = inv.r0();
            long[] c = insns.computeIfAbsent(op, k -> new long[2]);
            c[0]++;
            c[1] += inv.executed();
        } catch (RuntimeFault f) {
            s.error("BPF program of ops." + op.member() + " faulted: " + f.getMessage());
        }
        for (Task t : taskArgs) if (t != null) tasks.syncOut(t);
        return r0;
    }

    private long addr(Task t) {
        return t == null ? 0 : tasks.syncIn(t);
    }

    @Override
    public int selectCpu(Scx s, Task p, int prevCpu, long wakeFlags) {
        return (int) call(s, ScxOp.SELECT_CPU, new Task[] {p}, addr(p), prevCpu, wakeFlags);
    }

    @Override
    public void enqueue(Scx s, Task p, long enqFlags) {
        call(s, ScxOp.ENQUEUE, new Task[] {p}, addr(p), enqFlags);
    }

    @Override
    public void dequeue(Scx s, Task p, long deqFlags) {
        call(s, ScxOp.DEQUEUE, new Task[] {p}, addr(p), deqFlags);
    }

    @Override
    public void dispatch(Scx s, int cpu, Task prev) {
        call(s, ScxOp.DISPATCH, new Task[] {prev}, cpu, addr(prev));
    }

    @Override
    public void tick(Scx s, Task p) {
        call(s, ScxOp.TICK, new Task[] {p}, addr(p));
    }

    @Override
    public void runnable(Scx s, Task p, long enqFlags) {
        call(s, ScxOp.RUNNABLE, new Task[] {p}, addr(p), enqFlags);
    }

    @Override
    public void running(Scx s, Task p) {
        call(s, ScxOp.RUNNING, new Task[] {p}, addr(p));
    }

    @Override
    public void stopping(Scx s, Task p, boolean runnable) {
        call(s, ScxOp.STOPPING, new Task[] {p}, addr(p), runnable ? 1 : 0);
    }

    @Override
    public void quiescent(Scx s, Task p, long deqFlags) {
        call(s, ScxOp.QUIESCENT, new Task[] {p}, addr(p), deqFlags);
    }

    @Override
    public void updateIdle(Scx s, int cpu, boolean idle) {
        call(s, ScxOp.UPDATE_IDLE, new Task[0], cpu, idle ? 1 : 0);
    }

    @Override
    public int initTask(Scx s, Task p) {
        return (int) call(s, ScxOp.INIT_TASK, new Task[] {p}, addr(p), 0);
    }

    @Override
    public void exitTask(Scx s, Task p) {
        call(s, ScxOp.EXIT_TASK, new Task[] {p}, addr(p), 0);
    }

    @Override
    public void enable(Scx s, Task p) {
        call(s, ScxOp.ENABLE, new Task[] {p}, addr(p));
    }

    @Override
    public int init(Scx s) {
        return (int) call(s, ScxOp.INIT, new Task[0]);
    }

    @Override
    public void exit(Scx s, ExitInfo info) {
        Region r = rt.memory().allocate(RegionKind.KERNEL_OBJECT, "scx_exit_info", 16, false);
        r.put(0, 4, info.kind().value);
        r.put(8, 8, info.exitCode());
        call(s, ScxOp.EXIT, new Task[0], r.base());
    }
}
