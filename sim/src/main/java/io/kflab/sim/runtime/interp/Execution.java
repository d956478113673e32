package io.kflab.sim.runtime.interp;

import io.kflab.bpf.isa.AtomicOp;
import io.kflab.bpf.isa.CallKind;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Operand;
import io.kflab.bpf.isa.Size;
import io.kflab.bpf.isa.Width;
import io.kflab.sim.runtime.BpfRuntime;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.ctx.ProgramContext;
import io.kflab.sim.runtime.ctx.SkbContext;
import io.kflab.sim.runtime.helpers.CallContext;
import io.kflab.sim.runtime.helpers.Helper;
import io.kflab.sim.runtime.helpers.HelperTable;
import io.kflab.sim.runtime.maps.ArrayMap;
import io.kflab.sim.runtime.maps.ProgArrayMap;
import io.kflab.sim.runtime.maps.SimMap;
import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;

/**
 * One run of a program (kernel: ___bpf_prog_run with its call frames): eleven registers, up to
 * {@link BpfRuntime#MAX_CALL_FRAMES} frames each with its own 512-byte stack, callee-saved r6-r9
 * across bpf-to-bpf calls, and the tail call counter. The interpreter loop ({@link #interpret}) and
 * compiled code share this state: compiled code keeps registers in its own locals, counts executed
 * instructions per basic block ({@link #tick}) and hands the instructions it does not compile to
 * {@link #stepAt}, the interpreter's semantics for one instruction.
 */
public final class Execution implements CallContext {
    /** How a run continues from a slot until the frame at a stop depth exits (the interpreter loop, or compiled code). */
    @FunctionalInterface
    public interface Loop {
        long exec(Execution ex, int pc, int stopDepth);
    }

    /** What {@link #stepAt} returns when the frame at the stop depth exited; r0 holds the result. */
    public static final int DONE = Integer.MIN_VALUE;

    /** Tail calls one run may make (kernel: MAX_TAIL_CALL_CNT). */
    static final int MAX_TAIL_CALL_CNT = 33;
    /** may_goto's budget per frame (kernel: BPF_MAX_LOOPS, the initial value of the hidden stack slot). */
    static final long BPF_MAX_LOOPS = 1 << 23;
    /** Function pointers (ld_imm64 func) live here: base | prog fd << 24 | slot. */
    static final long FUNC_BASE = 0xfffe_0000_0000_0000L;
    /** Legacy load offsets relative to the network / link-layer header (kernel: SKF_NET_OFF, SKF_LL_OFF). */
    static final int SKF_NET_OFF = -0x100000, SKF_LL_OFF = -0x200000;

    private static final int TAIL_CALL = HelperTable.id("tail_call");

    private final BpfRuntime rt;
    private final Memory mem;
    private final ProgramContext context;
    private final long[] r = new long[11];
    private LoadedProgram prog;
    private int depth;
    private final int[] retPc = new int[BpfRuntime.MAX_CALL_FRAMES];
    private final LoadedProgram[] retProg = new LoadedProgram[BpfRuntime.MAX_CALL_FRAMES];
    private final long[][] saved = new long[BpfRuntime.MAX_CALL_FRAMES][5];
    private final long[] mayGoto = new long[BpfRuntime.MAX_CALL_FRAMES];
    private final long limit;
    private long executed;
    private int tailCalls;
    private int insn;
    private int last;
    private final Loop loop;

    Execution(BpfRuntime rt, ProgramContext context, LoadedProgram prog) {
        this(rt, context, prog, null);
    }

    /** A run whose code executes through {@code loop} (null: the interpreter). */
    public Execution(BpfRuntime rt, ProgramContext context, LoadedProgram prog, Loop loop) {
        this.rt = rt;
        this.mem = rt.memory();
        this.context = context;
        this.prog = prog;
        this.limit = rt.config().insnLimit();
        this.loop = loop == null ? (ex, pc, stop) -> ex.interpret(pc, stop) : loop;
    }

    /** The register file r0-r10 (compiled code spills its locals here around {@link #stepAt}). */
    public long[] regs() {
        return r;
    }

    public Memory memory() {
        return mem;
    }

    /** The program whose code runs now (tail calls and returns change it). */
    public LoadedProgram prog() {
        return prog;
    }

    /** The fd of {@link #prog()}. */
    public int progFd() {
        return prog.fd();
    }

    /** The slot that last transferred control dynamically (a return, tail call, may_goto, ...). */
    public int last() {
        return last;
    }

    /**
     * Counts a basic block of {@code n} instructions as executed, unless that would cross the
     * instruction limit: then nothing is counted and the caller must interpret the block one
     * instruction at a time (so the fault names the same instruction as the interpreter's).
     */
    public boolean tick(int n) {
        if (executed + n > limit) return false;
        executed += n;
        return true;
    }

    /** The fault of a jump from {@code from} to a slot that holds no instruction (as the interpreter raises it). */
    public RuntimeFault badJump(int from, int to) {
        Insn[] code = prog.slots();
        if (to < 0 || to >= code.length) return fault(from, "jump to slot " + to + ", out of the program (" + code.length + " slots)");
        return fault(from, "jump into the second slot of the ld_imm64 at " + (to - 1));
    }

    /** Whether {@code pc} holds an instruction of the current program. */
    public boolean validTarget(int pc) {
        Insn[] code = prog.slots();
        return pc >= 0 && pc < code.length && code[pc] != null;
    }

    /**
     * Executes the (already counted) instruction at {@code pc} with the interpreter's semantics:
     * the next slot, or {@link #DONE} when the frame at {@code stopDepth} exited.
     */
    public int stepAt(int pc, int stopDepth) {
        last = pc;
        return step(prog.slots()[pc], pc, stopDepth);
    }

    public long run() {
        Region stack = rt.stack(0);
        java.util.Arrays.fill(stack.bytes(), (byte) 0);
        r[1] = context.ctxAddr();
        r[10] = stack.end();
        mayGoto[0] = BPF_MAX_LOOPS;
        return loop.exec(this, 0, 0);
    }

    public long executed() {
        return executed;
    }

    private RuntimeFault fault(int pc, String why) {
        return new RuntimeFault(pc, why);
    }

    /** The interpreter loop: runs from {@code pc} until the frame at {@code stopDepth} exits; r0. */
    public long interpret(int pc, int stopDepth) {
        int from = pc;
        while (true) {
            Insn[] code = prog.slots();
            if (pc < 0 || pc >= code.length) throw fault(from, "jump to slot " + pc + ", out of the program (" + code.length + " slots)");
            Insn in = code[pc];
            if (in == null) throw fault(from, "jump into the second slot of the ld_imm64 at " + (pc - 1));
            from = pc;
            if (++executed > limit) throw fault(pc, "instruction limit of " + limit + " reached (the verifier would have rejected an unbounded loop)");
            pc = step(in, pc, stopDepth);
            if (pc == DONE) return r[0];
        }
    }

    /** One instruction's semantics: the next slot, or {@link #DONE}. */
    private int step(Insn in, int pc, int stopDepth) {
        {
            switch (in) {
                case Insn.Alu a -> {
                    long s = a.src() instanceof Operand.Reg(int reg) ? r[reg] : ((Operand.Imm) a.src()).value();
                    r[a.dst()] = a.width() == Width.W64 ? AluSemantics.alu64(a.op(), r[a.dst()], s)
                            : AluSemantics.alu32(a.op(), r[a.dst()], s);
                    pc++;
                }
                case Insn.Neg n -> {
                    r[n.dst()] = n.width() == Width.W64 ? -r[n.dst()] : (-(int) r[n.dst()]) & 0xffff_ffffL;
                    pc++;
                }
                case Insn.Endian e -> {
                    r[e.dst()] = AluSemantics.endian(e.kind(), e.bits(), r[e.dst()]);
                    pc++;
                }
                case Insn.AddrSpaceCast c -> throw fault(pc, "addr_space_cast: BPF arenas are not simulated");
                case Insn.LoadImm64 l -> {
                    r[l.dst()] = imm64(l, pc);
                    pc += 2;
                }
                case Insn.LegacyLoad l -> {
                    long v = legacyLoad(l, pc);
                    if (v < 0) { // out of the packet: the rewritten code returns 0 from the function
                        r[0] = 0;
                        if (depth == stopDepth) {
                        finish(stopDepth);
                        return DONE;
                    }
                        pc = pop();
                    } else {
                        r[0] = v;
                        pc++;
                    }
                }
                case Insn.Load l -> {
                    int size = l.size().bytes();
                    r[l.dst()] = AluSemantics.extend(mem.load(r[l.src()] + l.off(), size, pc), size, l.signExtend());
                    pc++;
                }
                case Insn.Store s -> {
                    long v = s.src() instanceof Operand.Reg(int reg) ? r[reg] : ((Operand.Imm) s.src()).value();
                    mem.store(r[s.dst()] + s.off(), s.size().bytes(), v, pc);
                    pc++;
                }
                case Insn.Atomic a -> {
                    atomic(a, pc);
                    pc++;
                }
                case Insn.Jump j -> {
                    long s = j.src() instanceof Operand.Reg(int reg) ? r[reg] : ((Operand.Imm) j.src()).value();
                    boolean taken = j.width() == Width.W64 ? AluSemantics.jmp64(j.op(), r[j.dst()], s)
                            : AluSemantics.jmp32(j.op(), r[j.dst()], s);
                    pc += taken ? 1 + j.off() : 1;
                }
                case Insn.Ja j -> pc += 1 + j.off();
                case Insn.Gotol g -> pc += 1 + g.imm();
                case Insn.MayGoto m -> {
                    if (mayGoto[depth] == 0) pc += 1 + m.off();
                    else {
                        mayGoto[depth]--;
                        pc++;
                    }
                }
                case Insn.Call c -> {
                    insn = pc;
                    switch (c.kind()) {
                        case HELPER -> {
                            if (c.imm() == TAIL_CALL) {
                                LoadedProgram next = tailCall(pc);
                                if (next != null) {
                                    prog = next;
                                    pc = 0;
                                } else pc++;
                            } else {
                                Helper h = rt.helpers().get(c.imm()).orElseThrow(() -> fault(insn, "helper " + helperName(c.imm()) + " is not simulated"));
                                r[0] = callOut(h);
                                pc++;
                            }
                        }
                        case SUBPROG -> {
                            push(pc + 1);
                            pc = pc + 1 + c.imm();
                        }
                        case KFUNC -> {
                            Helper k = rt.kfuncs().resolve(c.imm()).orElseThrow(() -> fault(insn, "kfunc with BTF id " + c.imm()
                                    + rt.kfuncs().name(c.imm()).map(n -> " (" + n + ") has no registered implementation").orElse(" is not bound to a name")));
                            r[0] = callOut(k);
                            pc++;
                        }
                    }
                }
                case Insn.Exit x -> {
                    if (depth == stopDepth) {
                        finish(stopDepth);
                        return DONE;
                    }
                    pc = pop();
                }
            }
        }
        return pc;
    }

    private long callOut(Helper h) {
        try {
            return h.call(this, r[1], r[2], r[3], r[4], r[5]);
        } catch (RuntimeFault f) {
            throw f.at(insn);
        }
    }

    /** Leaves exec at its stop depth: pops the frame a callback call pushed; r0 is the result. */
    private long finish(int stopDepth) {
        long r0 = r[0];
        if (stopDepth > 0) pop();
        return r0;
    }

    private void push(int returnTo) {
        if (depth + 1 >= BpfRuntime.MAX_CALL_FRAMES) {
            throw fault(returnTo - 1, "call stack deeper than " + BpfRuntime.MAX_CALL_FRAMES + " frames");
        }
        System.arraycopy(r, 6, saved[depth], 0, 5);
        retPc[depth] = returnTo;
        retProg[depth] = prog;
        depth++;
        Region stack = rt.stack(depth);
        java.util.Arrays.fill(stack.bytes(), (byte) 0);
        r[10] = stack.end();
        mayGoto[depth] = BPF_MAX_LOOPS;
    }

    private int pop() {
        depth--;
        System.arraycopy(saved[depth], 0, r, 6, 5);
        prog = retProg[depth];
        return retPc[depth];
    }

    private long imm64(Insn.LoadImm64 l, int pc) {
        return switch (l.source()) {
            case IMM -> l.imm();
            case MAP_FD -> mapByFd(l.lo(), pc).address();
            case MAP_IDX -> mapByFd(rt.fdArrayEntry(l.lo()).orElseThrow(() -> fault(pc, "fd_array has no entry " + l.lo())), pc).address();
            case MAP_VALUE -> mapValue(mapByFd(l.lo(), pc), l.hi(), pc);
            case MAP_IDX_VALUE -> mapValue(mapByFd(rt.fdArrayEntry(l.lo()).orElseThrow(() -> fault(pc, "fd_array has no entry " + l.lo())), pc), l.hi(), pc);
            case FUNC -> FUNC_BASE | (long) prog.fd() << 24 | (pc + 1 + l.lo());
            case BTF_ID -> throw fault(pc, "ld_imm64 btf_id: kernel variables are not simulated");
        };
    }

    private SimMap mapByFd(int fd, int pc) {
        SimMap m = rt.map(fd);
        if (m == null) throw fault(pc, "fd " + fd + " is not a map");
        return m;
    }

    private long mapValue(SimMap m, int off, int pc) {
        if (!(m instanceof ArrayMap a)) throw fault(pc, "direct value access needs an array map, not " + m.def().type().cliName());
        if (off < 0 || off >= m.def().valueSize()) throw fault(pc, "direct value offset " + off + " outside the value of " + m.def().valueSize() + " bytes");
        return a.value(0).base() + off;
    }

    /** bpf_skb_load_helper_{8,16,32}: the big-endian value, or -1 when outside the packet. */
    private long legacyLoad(Insn.LegacyLoad l, int pc) {
        SkbContext skb = context.skb();
        if (skb == null) throw fault(pc, "LD_ABS/LD_IND needs a socket buffer context");
        int off = l.indirect() ? (int) (r[l.src()] + l.imm()) : l.imm();
        int size = l.size().bytes();
        byte[] frame = skb.packet().bytes();
        int at;
        if (off >= 0) {
            if (frame.length - skb.dataOffset() - off < size) return -1;
            at = skb.dataOffset() + off;
        } else if (off >= SKF_NET_OFF) {
            at = skb.networkOffset() + (off - SKF_NET_OFF);
        } else if (off >= SKF_LL_OFF) {
            at = off - SKF_LL_OFF;
        } else return -1;
        if (at < 0 || at + size > frame.length) return -1;
        long v = 0;
        for (int i = 0; i < size; i++) v = v << 8 | (frame[at + i] & 0xff);
        return v;
    }

    private void atomic(Insn.Atomic a, int pc) {
        int size = a.size().bytes();
        if (a.op() == AtomicOp.LOAD_ACQ) {
            r[a.dst()] = mem.load(r[a.src()] + a.off(), size, pc);
            return;
        }
        long addr = r[a.dst()] + a.off();
        if (a.op() == AtomicOp.STORE_REL) {
            mem.store(addr, size, r[a.src()], pc);
            return;
        }
        mem.check(addr, size, true, pc);
        long old = mem.load(addr, size, pc);
        long src = r[a.src()];
        boolean w = a.size() == Size.W;
        switch (a.op()) {
            case ADD, FETCH_ADD -> mem.store(addr, size, old + src, pc);
            case OR, FETCH_OR -> mem.store(addr, size, old | src, pc);
            case AND, FETCH_AND -> mem.store(addr, size, old & src, pc);
            case XOR, FETCH_XOR -> mem.store(addr, size, old ^ src, pc);
            case XCHG -> mem.store(addr, size, src, pc);
            case CMPXCHG -> {
                boolean eq = w ? (int) old == (int) r[0] : old == r[0];
                if (eq) mem.store(addr, size, src, pc);
                r[0] = old;
                return;
            }
            default -> throw new AssertionError(a.op());
        }
        if (a.op().fetches()) r[a.src()] = old;
    }

    private LoadedProgram tailCall(int pc) {
        SimMap m = rt.mapAt(r[2]);
        if (!(m instanceof ProgArrayMap pa)) throw fault(pc, "bpf_tail_call: R2 is not a prog array");
        long index = r[3] & 0xffff_ffffL;
        if (index >= pa.def().maxEntries()) return null;
        if (tailCalls >= MAX_TAIL_CALL_CNT) return null;
        var fd = pa.prog(index);
        if (fd.isEmpty()) return null;
        LoadedProgram next = rt.prog(fd.get());
        if (next == null) return null;
        tailCalls++;
        return next;
    }

    private static String helperName(int id) {
        String n = io.kflab.bpf.isa.Helpers.builtin().name(id);
        return n == null ? "#" + id : n + " (#" + id + ")";
    }

    // CallContext

    @Override
    public BpfRuntime runtime() {
        return rt;
    }

    @Override
    public int insn() {
        return insn;
    }

    @Override
    public long ctx() {
        return context.ctxAddr();
    }

    @Override
    public long callFunction(long funcAddr, long... args) {
        if ((funcAddr & 0xffff_0000_0000_0000L) != FUNC_BASE) {
            throw new RuntimeFault(insn, "callback 0x" + Long.toHexString(funcAddr) + " is not a function pointer");
        }
        LoadedProgram target = rt.prog((int) (funcAddr >>> 24 & 0xff_ffff));
        if (target == null) throw new RuntimeFault(insn, "callback of an unloaded program");
        int callerInsn = insn;
        push(-1);
        prog = target;
        for (int i = 1; i <= 5; i++) r[i] = i - 1 < args.length ? args[i - 1] : 0;
        long r0 = loop.exec(this, (int) (funcAddr & 0xff_ffff), depth);
        insn = callerInsn;
        return r0;
    }
}
