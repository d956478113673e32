package io.kflab.sim.trace;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.kernel.Task;
import io.kflab.sim.kernel.TaskState;
import io.kflab.sim.kernel.Tracepoints;
import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RuntimeConfig;
import io.kflab.sim.runtime.ctx.RawContext;
import io.kflab.sim.runtime.interp.Interpreter;
import io.kflab.sim.runtime.maps.MapDef;
import io.kflab.sim.runtime.maps.RingbufMap;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;
import io.kflab.sim.scx.bpf.TaskLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * runqslower (kernel: tools/bpf/runqslower) on the simulated kernel: three tp_btf-style BPF
 * programs (shipped as assembly) record when tasks become runnable and report, through a ring
 * buffer, every switch-in that waited at least {@code minUs}.
 */
public final class RunqSlower implements Tracepoints {
    /** One line of output: when, which task, how long it waited. */
    public record Event(long timeNs, String comm, int pid, long latUs) {}

    private final BpfRuntime rt;
    private final Interpreter interp;
    private final TaskLayout tasks;
    private final LoadedProgram wakeup, wakeupNew, sw;
    private final Region args;
    private final RawContext ctx;
    private final RingbufMap events;
    private final LongSupplier clock;
    private final List<Event> out = new ArrayList<>();
    private long insns;

    public RunqSlower(long minUs, LongSupplier clock) {
        this.clock = clock;
        this.rt = new BpfRuntime(RuntimeConfig.defaults().withClock(clock));
        this.interp = new Interpreter(rt);
        this.tasks = new TaskLayout(rt.memory());
        int start = rt.createMap(MapDef.of("start", MapType.HASH, 4, 8, 10240));
        int ev = rt.createMap(MapDef.of("events", MapType.RINGBUF, 0, 0, 256 * 1024));
        this.events = (RingbufMap) rt.map(ev);
        SymbolTable.Builder b = SymbolTable.builder().mapFd("start", start).mapFd("events", ev).constant("min_us", minUs);
        TaskLayout.CONSTANTS.forEach(b::constant);
        Assembler asm = new Assembler(b.build());
        this.wakeup = load(asm, "wakeup");
        this.wakeupNew = load(asm, "wakeup"); // the same program on both tracepoints, as the tool attaches it
        this.sw = load(asm, "sched_switch");
        this.args = rt.memory().allocate(RegionKind.CTX, "tp_btf args", 4 * 8, true);
        this.ctx = RawContext.of(args);
    }

    private LoadedProgram load(Assembler asm, String name) {
        String file = "/io/kflab/sim/tracing/runqslower/" + name + ".s";
        try (InputStream in = RunqSlower.class.getResourceAsStream(file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return rt.load(asm.assemble(text, "runqslower/" + name + ".s").program(), ProgType.TRACING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(LoadedProgram p, long... values) {
        for (int i = 0; i < values.length; i++) args.put(i * 8, 8, values[i]);
        insns += interp.invoke(p, ctx).executed();
        for (byte[] rec : events.drain()) {
            ByteBuffer bb = ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN);
            int pid = (int) bb.getLong(0);
            long lat = bb.getLong(8);
            int n = 0;
            while (n < 16 && rec[16 + n] != 0) n++;
            out.add(new Event(clock.getAsLong(), new String(rec, 16, n, StandardCharsets.US_ASCII), pid, lat));
        }
    }

    @Override
    public void schedWakeup(long now, Task p, int targetCpu) {
        run(wakeup, tasks.syncIn(p));
    }

    @Override
    public void schedWakeupNew(long now, Task p, int targetCpu) {
        run(wakeupNew, tasks.syncIn(p));
    }

    @Override
    public void schedSwitch(long now, int cpu, Task prev, TaskState prevState, Task next) {
        long prevAddr = prev == null ? 0 : tasks.syncIn(prev);
        long state = prevState == TaskState.QUEUED ? TaskLayout.TASK_RUNNING
                : prevState == TaskState.DEAD ? TaskLayout.TASK_DEAD : TaskLayout.TASK_INTERRUPTIBLE;
        run(sw, 0, prevAddr, next == null ? 0 : tasks.syncIn(next), state);
    }

    /** Everything reported so far. */
    public List<Event> events() {
        return List.copyOf(out);
    }

    /** BPF instructions the three programs executed. */
    public long insnsExecuted() {
        return insns;
    }

    /** The tool's header line. */
    public static String header(long minUs) {
        return "Tracing run queue latency higher than " + minUs + " us\n" + String.format("%-12s %-16s %-7s %14s", "TIME(s)", "COMM", "PID", "LAT(us)");
    }

    /** A line as the tool prints it, with virtual time instead of the wall clock. */
    public static String line(Event e) {
        return String.format("%-12.6f %-16s %-7d %14d", e.timeNs() / 1e9, e.comm(), e.pid(), e.latUs());
    }
}
