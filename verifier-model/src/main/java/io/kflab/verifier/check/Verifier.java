package io.kflab.verifier.check;

import io.kflab.bpf.asm.KernelSyntax;
import io.kflab.bpf.isa.AluOp;
import io.kflab.bpf.isa.CallKind;
import io.kflab.bpf.isa.Helpers;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.InsnCodec;
import io.kflab.bpf.isa.InvalidInsnException;
import io.kflab.bpf.isa.JmpOp;
import io.kflab.bpf.isa.Operand;
import io.kflab.bpf.isa.PseudoSource;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.isa.Width;
import io.kflab.verifier.cfg.StructureCheck;
import io.kflab.verifier.ctx.CtxLayout;
import io.kflab.verifier.helper.HelperProto;
import io.kflab.verifier.scalar.Alu;
import io.kflab.verifier.scalar.Branch;
import io.kflab.verifier.scalar.Scalar;
import io.kflab.verifier.state.FrameState;
import io.kflab.verifier.state.MapDef;
import io.kflab.verifier.state.RegState;
import io.kflab.verifier.state.RegState.CtxPtr;
import io.kflab.verifier.state.RegState.MapPtr;
import io.kflab.verifier.state.RegState.MapValue;
import io.kflab.verifier.state.RegState.MapValueVar;
import io.kflab.verifier.state.RegState.Pkt;
import io.kflab.verifier.state.RegState.PktEnd;
import io.kflab.verifier.state.RegState.NotInit;
import io.kflab.verifier.state.RegState.ScalarReg;
import io.kflab.verifier.state.RegState.StackPtr;
import io.kflab.verifier.state.StackSlot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The verifier's main loop (kernel: bpf_check → do_check): path exploration with pruning, as root on Linux 6.18. */
public final class Verifier {
    /** Instructions the walk may process (kernel: BPF_COMPLEXITY_LIMIT_INSNS). */
    public static final int COMPLEXITY_LIMIT = 1_000_000;
    private static final int MAX_STATES_PER_INSN = 64;
    private static final KernelSyntax SYNTAX = KernelSyntax.builtin();
    private static final Helpers HELPERS = Helpers.builtin();

    private Verifier() {}

    /** Verifies {@code slots} the way BPF_PROG_LOAD would with {@code opts}. */
    public static Verdict verify(List<RawInsn> slots, VerifyOptions opts) {
        StructureCheck.Result shape = StructureCheck.check(slots, opts.bpfCapable());
        if (shape instanceof StructureCheck.Rejected(var r)) {
            String log = r.message().isEmpty() ? "" : r.message() + "\n";
            return new Verdict(false, r.errno(), r.message(), opts.logLevel() > 0 ? log : "", 0);
        }
        return new Walk(slots, opts, ((StructureCheck.Ok) shape).structure().subprogStarts()).run();
    }

    /** A rejection found during the walk. */
    static final class Reject extends RuntimeException {
        final String errno;

        Reject(String errno, String message) {
            super(message, null, false, false);
            this.errno = errno;
        }
    }

    static Reject eacces(String fmt, Object... args) {
        return new Reject("EACCES", String.format(fmt, args));
    }

    static Reject einval(String fmt, Object... args) {
        return new Reject("EINVAL", String.format(fmt, args));
    }

    /** Something the model does not cover: it rejects rather than guess (never accepts what it cannot check). */
    static Reject unsupported(String what) {
        return new Reject("EINVAL", "model: " + what + " not modelled");
    }

    /** A stored state at a prune point (kernel: struct bpf_verifier_state_list entry with its branches count). */
    static final class Checkpoint {
        final FrameState state;
        final Checkpoint parent;
        int branches = 1;

        Checkpoint(FrameState state, Checkpoint parent) {
            this.state = state;
            this.parent = parent;
        }
    }

    /** A path waiting to be explored (kernel: struct bpf_verifier_stack_elem). */
    record Pending(int insn, int prev, FrameState state, Checkpoint parent, int logLen) {}

    static final class Walk {
        final List<RawInsn> slots;
        final VerifyOptions opts;
        final CtxLayout ctx;
        final Subprogs subprogs;
        final Insn[] decoded;
        final boolean[] prunePoint;
        final Map<Integer, List<Checkpoint>> visited = new HashMap<>();
        final StringBuilder log = new StringBuilder();
        final ArrayDeque<Pending> stack = new ArrayDeque<>();
        /** Pointer type each load/store instruction first accessed (kernel: insn_aux_data[].ptr_type). */
        final Map<Integer, String> ptrTypes = new HashMap<>();
        /** The instruction being executed. */
        int at;
        int processed, totalStates, maxStatesPerInsn, jmps, prevJmps, prevInsns, idGen, curInsn;
        /** A reachable kfunc call with imm 0 (check_kfunc_call skips it; fixup_kfunc_call rejects the program later). */
        boolean kfuncImmZero;
        FrameState cur;
        Checkpoint parent;

        Walk(List<RawInsn> slots, VerifyOptions opts, List<Integer> subprogStarts) {
            this.slots = slots;
            this.opts = opts;
            this.subprogs = new Subprogs(subprogStarts, slots.size());
            this.ctx = CtxLayout.of(opts.progType()).orElse(null);
            this.decoded = new Insn[slots.size()];
            this.prunePoint = new boolean[slots.size() + 2];
            markPrunePoints();
        }

        private void markPrunePoints() {
            for (int i = 0; i < slots.size(); i++) {
                RawInsn r = slots.get(i);
                int cls = r.code() & 7;
                if (r.code() == 0x18) {
                    if (r.src() == 4) prunePoint[i] = prunePoint[Math.min(i + 2, slots.size())] = true; // function pointer
                    i++;
                    continue;
                }
                if (cls != 5 && cls != 6) continue;
                int op = r.code() & 0xf0;
                if (op == 0x80) prunePoint[Math.min(i + 1, slots.size())] = true;            // after a call
                if (op == 0x80 && r.src() == 1) prunePoint[i] = true;                        // bpf-to-bpf call
                else if (op == 0x00) {                                                      // goto / gotol
                    long t = (long) i + 1 + (cls == 6 ? r.imm() : r.off());
                    if (t >= 0 && t < slots.size()) prunePoint[(int) t] = true;
                } else if (op != 0x90 && op != 0xe0) prunePoint[i] = true;                  // conditional jump
            }
        }

        Verdict run() {
            Reject resolved = resolveMaps();
            if (resolved != null) {
                String m = resolved.getMessage();
                return new Verdict(false, resolved.errno, m, opts.logLevel() > 0 ? m + "\n" : "", 0);
            }
            if (!opts.bpfCapable()) {
                String m = "model: unprivileged loads not modelled";
                return new Verdict(false, "EINVAL", m, m + "\n", 0);
            }
            cur = FrameState.entry();
            parent = new Checkpoint(cur, null);
            int idx = 0;
            try {
                while (true) {
                    if (++processed > COMPLEXITY_LIMIT) {
                        throw new Reject("E2BIG", "BPF program is too large. Processed " + processed + " insn");
                    }
                    if (prunePoint[idx] && stateVisited(idx)) {
                        idx = popOrEnd();
                        if (idx < 0) break;
                        continue;
                    }
                    Insn insn = decode(idx);
                    curInsn = idx;
                    if (opts.logLevel() > 0) log.append(idx).append(": ").append(SYNTAX.print(insn)).append('\n');
                    int next = step(idx, insn);
                    if (next < 0) {
                        idx = popOrEnd();
                        if (idx < 0) break;
                    } else {
                        idx = next;
                    }
                }
                subprogs.checkMaxStackDepth(slots);
            } catch (Reject r) {
                log.append(r.getMessage()).append('\n');
                log.append(finalLine());
                return new Verdict(false, r.errno, r.getMessage(), opts.logLevel() > 0 ? log.toString() : "", processed);
            }
            if (kfuncImmZero) {
                String m = "invalid kernel function call not eliminated in verifier pass";
                return new Verdict(false, "EINVAL", m, opts.logLevel() > 0 ? log + m + "\n" + finalLine() : "", processed);
            }
            return new Verdict(true, null, "", opts.logLevel() > 0 ? finalLine() : "", processed);
        }

        String finalLine() {
            return "processed " + processed + " insns (limit " + COMPLEXITY_LIMIT + ") max_states_per_insn "
                    + maxStatesPerInsn + " total_states " + totalStates + " peak_states " + totalStates + " mark_read 0\n";
        }

        /** The fd of the first ld_imm64 map load with no map, or -1 (kernel: resolve_pseudo_ldimm64). */
        private Reject resolveMaps() {
            for (int i = 0; i + 1 < slots.size(); i++) {
                RawInsn r = slots.get(i);
                if (r.code() != 0x18) continue;
                if ((r.src() == 1 || r.src() == 2) && !opts.mapsByFd().containsKey(r.imm())) {
                    return new Reject("EBADF", "fd " + r.imm() + " is not pointing to valid bpf_map");
                }
                if (r.src() == 2) { // BPF_PSEUDO_MAP_VALUE: map_direct_value_addr
                    MapDef map = opts.mapsByFd().get(r.imm());
                    long off = Integer.toUnsignedLong(slots.get(i + 1).imm());
                    if (off >= (1L << 29)) return new Reject("EINVAL", "direct value offset of " + off + " is not allowed");
                    if (map.type() != MapDef.ARRAY) return new Reject("EINVAL", "no direct value access support for this map type");
                    String bad = "invalid access to map value pointer, value_size=" + map.valueSize() + " off=" + off;
                    if (map.maxEntries() != 1) return new Reject("ENOTSUPP", bad); // 524, as the running kernel answers
                    if (off >= map.valueSize()) return new Reject("EINVAL", bad);
                }
                i++;
            }
            return null;
        }

        private Insn decode(int idx) {
            Insn d = decoded[idx];
            if (d != null) return d;
            try {
                d = InsnCodec.decode(slots.get(idx), idx + 1 < slots.size() ? slots.get(idx + 1) : null);
            } catch (InvalidInsnException e) {
                throw einval("%s", e.getMessage());
            }
            return decoded[idx] = d;
        }

        /** Ends the current path and resumes the most recently pushed one; -1 when none is left. */
        private int popOrEnd() {
            for (Checkpoint c = parent; c != null; c = c.parent) {
                if (--c.branches > 0) break;
            }
            Pending p = stack.poll();
            if (p == null) return -1;
            cur = p.state();
            parent = p.parent();
            log.setLength(p.logLen());
            if (opts.logLevel() > 0) log.append("from ").append(p.prev()).append(" to ").append(p.insn()).append(":").append(cur.kernelText()).append('\n');
            return p.insn();
        }

        private void push(int insn, int prev, FrameState state) {
            parent.branches++;
            stack.push(new Pending(insn, prev, state, parent, log.length()));
        }

        /** Pruning (kernel: is_state_visited with a simplified states_equal); true when the path can stop here. */
        private boolean stateVisited(int idx) {
            List<Checkpoint> list = visited.computeIfAbsent(idx, k -> new ArrayList<>());
            for (Checkpoint c : list) {
                if (c.branches == 0) {
                    if (covers(c.state, cur)) return true;
                } else if (c.state.equals(cur)) {
                    throw einval("infinite loop detected at insn %d", idx);
                }
            }
            maxStatesPerInsn = Math.max(maxStatesPerInsn, list.size()); // states compared (kernel: states_cnt)
            if (jmps - prevJmps >= 2 && processed - prevInsns >= 8) {
                Checkpoint c = new Checkpoint(cur, parent);
                if (list.size() >= MAX_STATES_PER_INSN) {
                    list.removeIf(x -> x.branches == 0);
                    // Still full: forget the oldest. A loop it would have caught then runs into the
                    // complexity limit instead (still a rejection), and every prune point stays cheap.
                    while (list.size() >= MAX_STATES_PER_INSN) list.removeFirst();
                }
                list.add(c);
                parent = c;
                totalStates++;
                prevJmps = jmps;
                prevInsns = processed;
            }
            return false;
        }

        // ---------------------------------------------------------------- instructions

        /** Executes one instruction on {@code cur}; returns the next index or -1 at the end of the path. */
        private int step(int idx, Insn insn) {
            at = idx;
            return switch (insn) {
                case Insn.Alu a -> { alu(idx, a); yield idx + 1; }
                case Insn.Neg n -> {
                    RegState d = read(n.dst());
                    checkWrite(n.dst());
                    Scalar s = d instanceof ScalarReg(Scalar v) ? Alu.neg(v, n.width()) : Scalar.UNKNOWN;
                    set(n.dst(), RegState.scalar(s));
                    yield idx + 1;
                }
                case Insn.Endian e -> {
                    RegState d = read(e.dst());
                    checkWrite(e.dst());
                    Scalar s = d instanceof ScalarReg(Scalar v) ? Alu.endian(v, e.kind(), e.bits()) : Scalar.UNKNOWN;
                    set(e.dst(), RegState.scalar(s));
                    yield idx + 1;
                }
                case Insn.LoadImm64 l -> { ldImm64(l); yield idx + 2; }
                case Insn.Load l -> { load(l); yield idx + 1; }
                case Insn.Store s -> { store(s); yield idx + 1; }
                case Insn.Jump j -> { jmps++; yield jump(idx, j); }
                case Insn.Ja j -> { jmps++; yield idx + 1 + j.off(); }
                case Insn.Gotol g -> { jmps++; yield idx + 1 + g.imm(); }
                case Insn.Call c when c.kind() == CallKind.SUBPROG -> {
                    jmps++;
                    int target = idx + c.imm() + 1;
                    cur = Calls.enter(cur, idx, subprogs.at(target), opts.logLevel() > 0 ? log : null);
                    yield target;
                }
                case Insn.Call c -> { jmps++; call(c); yield idx + 1; }
                case Insn.Exit e when cur.frameno > 0 -> {
                    jmps++;
                    int ret = cur.callsite + 1;
                    cur = Calls.exit(cur, opts.logLevel() > 0 ? log : null);
                    yield ret;
                }
                case Insn.Exit e -> {
                    jmps++;
                    BtfAccess.checkExit(cur);
                    RegState r0 = read(0);
                    io.kflab.bpf.sys.ProgType pt = opts.progType();
                    if ((pt == io.kflab.bpf.sys.ProgType.CGROUP_SKB || pt == io.kflab.bpf.sys.ProgType.SK_LOOKUP
                            || pt == io.kflab.bpf.sys.ProgType.NETFILTER)
                            && !(r0 instanceof ScalarReg(Scalar s) && s.smin() >= 0 && s.smax() <= 1)) {
                        throw unsupported(pt.name().toLowerCase(java.util.Locale.ROOT) + " return values outside [0, 1]");
                    }
                    yield -1;
                }
                case Insn.LegacyLoad l -> { ldAbs(l); yield idx + 1; }
                case Insn.Atomic a -> { atomic(a); yield idx + 1; }
                case Insn.MayGoto m -> throw unsupported("may_goto");
                case Insn.AddrSpaceCast c -> throw unsupported("addr_space_cast");
            };
        }

        /** check_reg_arg(SRC_OP). */
        private RegState read(int reg) {
            RegState r = cur.regs[reg];
            if (r instanceof NotInit) throw eacces("R%d !read_ok", reg);
            return r;
        }

        /** check_reg_arg(DST_OP_NO_MARK). */
        private void checkWrite(int reg) {
            if (reg == 10) throw eacces("frame pointer is read only");
        }

        private void set(int reg, RegState v) {
            cur = cur.copy();
            cur.regs[reg] = v;
        }

        private static Scalar scalarOf(Operand src, FrameState st) {
            return switch (src) {
                case Operand.Imm i -> Scalar.constant(i.value());
                case Operand.Reg r -> ((ScalarReg) st.regs[r.reg()]).value();
            };
        }

        private void alu(int idx, Insn.Alu a) {
            AluOp op = a.op();
            RegState src = a.src() instanceof Operand.Reg(int r) ? read(r) : null;
            if (op == AluOp.MOV || op.isMovsx()) {
                checkWrite(a.dst());
                RegState v;
                if (src == null) v = RegState.scalar(Alu.apply(Scalar.UNKNOWN, op, a.width(), scalarOf(a.src(), cur)));
                else if (src instanceof ScalarReg(Scalar s)) v = RegState.scalar(Alu.apply(Scalar.UNKNOWN, op, a.width(), s));
                else if (op == AluOp.MOV && a.width() == Width.W64) v = src;
                else v = RegState.scalar(Alu.apply(Scalar.UNKNOWN, a.width() == Width.W32 ? AluOp.MOV : AluOp.MOV, a.width(), Scalar.UNKNOWN));
                set(a.dst(), v);
                return;
            }
            RegState dst = read(a.dst());
            if ((op == AluOp.DIV || op == AluOp.MOD || op == AluOp.SDIV || op == AluOp.SMOD)
                    && a.src() instanceof Operand.Imm(int k) && k == 0) throw einval("div by zero");
            if ((op == AluOp.LSH || op == AluOp.RSH || op == AluOp.ARSH) && a.src() instanceof Operand.Imm(int k)
                    && (k < 0 || k >= (a.width() == Width.W64 ? 64 : 32))) throw einval("invalid shift %d", k);
            checkWrite(a.dst());
            boolean srcPtr = src != null && src.isPointer();
            if (dst.isPointer() && srcPtr) {
                if (op == AluOp.SUB) { set(a.dst(), RegState.scalar(Scalar.UNKNOWN)); return; }
                throw eacces("R%d pointer %s pointer prohibited", a.dst(), op.symbol());
            }
            if (dst.isPointer() || srcPtr) {
                RegState ptr = dst.isPointer() ? dst : src;
                Scalar off = dst.isPointer() ? scalarOf(a.src(), cur) : ((ScalarReg) dst).value();
                set(a.dst(), pointerArith(a, ptr, off, !dst.isPointer()));
                return;
            }
            List<Scalar> out = Alu.outcomes(((ScalarReg) dst).value(), op, a.width(), scalarOf(a.src(), cur));
            if (out.size() > 1) {
                FrameState fork = cur.copy();
                fork.regs[a.dst()] = RegState.scalar(Scalar.constant(0));
                push(idx, idx, fork);
            }
            set(a.dst(), RegState.scalar(out.getFirst()));
        }

        /** adjust_ptr_min_max_vals for fixed offsets. */
        private RegState pointerArith(Insn.Alu a, RegState ptr, Scalar off, boolean scalarDst) {
            AluOp op = a.op();
            int dst = a.dst();
            if (a.width() == Width.W32) {
                if (op == AluOp.SUB) return RegState.scalar(Scalar.UNKNOWN);
                throw eacces("R%d 32-bit pointer arithmetic prohibited", dst);
            }
            if (ptr instanceof MapValue mv && mv.orNull()) {
                throw eacces("R%d pointer arithmetic on %s prohibited, null-check it first", dst, "map_value_or_null");
            }
            if (ptr instanceof RegState.BtfPtr bp && bp.has(RegState.BtfPtr.MAYBE_NULL)) {
                throw eacces("R%d pointer arithmetic on %s prohibited, null-check it first", dst, bp.typeStr());
            }
            if (ptr instanceof PktEnd) throw eacces("R%d pointer arithmetic on pkt_end prohibited", dst);
            if (ptr instanceof MapPtr) {
                if (op == AluOp.ADD && off.isConst() && off.varOff().value() == 0) return ptr;
                throw eacces("R%d pointer arithmetic on map_ptr prohibited", dst);
            }
            if (!off.isConst()) {
                String name = typeName(ptr);
                if (off.smin() == Long.MIN_VALUE) {
                    throw einval("math between %s pointer and register with unbounded min value is not allowed", name);
                }
                if (op == AluOp.ADD && ptr instanceof MapValue m && !m.orNull()
                        && off.smin() < (1 << 29) && off.smin() > -(1 << 29)) {
                    return new MapValueVar(m.map(), m.off(), off); // var_off 0 + off: the kernel's bounds are off's
                }
                throw unsupported("variable pointer offsets");
            }
            long k = off.varOff().value();
            long delta;
            switch (op) {
                case ADD -> delta = k;
                case SUB -> {
                    if (scalarDst) throw eacces("R%d tried to subtract pointer from scalar", dst);
                    delta = -k;
                }
                case AND, OR, XOR -> throw eacces("R%d bitwise operator %s on pointer prohibited", dst, op.symbol());
                default -> throw eacces("R%d pointer arithmetic with %s operator prohibited", dst, op.symbol());
            }
            long base = switch (ptr) {
                case StackPtr s -> s.off();
                case CtxPtr c -> c.off();
                case MapValue m -> m.off();
                case Pkt p -> p.off();
                case MapValueVar m -> m.off();
                case RegState.BtfPtr b -> b.off();
                default -> throw new AssertionError();
            };
            long n = base + delta;
            if (Math.abs(k) >= (1 << 29) || Math.abs(n) >= (1 << 29)) throw unsupported("pointer offsets beyond 1<<29");
            int o = (int) n;
            return switch (ptr) {
                case StackPtr s -> new StackPtr(s.frameno(), o);
                case CtxPtr c -> new CtxPtr(o);
                case MapValue m -> new MapValue(m.map(), o, m.id(), false);
                case Pkt p -> new Pkt(p.meta(), o, p.range());
                case MapValueVar m -> new MapValueVar(m.map(), o, m.var());
                case RegState.BtfPtr b -> new RegState.BtfPtr(b.btfId(), b.typeName(), o, b.id(), b.refObjId(), b.flags());
                default -> throw new AssertionError();
            };
        }

        private void ldImm64(Insn.LoadImm64 l) {
            checkWrite(l.dst());
            if (l.source() == PseudoSource.IMM) {
                set(l.dst(), RegState.scalar(Scalar.constant(l.imm())));
            } else if (l.source() == PseudoSource.MAP_FD) {
                set(l.dst(), new MapPtr(opts.mapsByFd().get(l.lo())));
            } else if (l.source() == PseudoSource.MAP_VALUE) {
                // checked before the walk (resolveMaps): an array map with one element, off inside the value
                set(l.dst(), new MapValue(opts.mapsByFd().get(l.lo()), l.hi(), 0, false));
            } else if (l.source() == PseudoSource.MAP_IDX && l.lo() >= 0 && l.lo() < opts.fdArray().size()) {
                set(l.dst(), new MapPtr(opts.fdArray().get(l.lo())));
            } else {
                throw unsupported("ld_imm64 " + l.source());
            }
        }

        // ---------------------------------------------------------------- memory

        private void load(Insn.Load l) {
            RegState ptr = read(l.src());
            checkWrite(l.dst());
            int size = l.size().bytes();
            RegState v = access(l.src(), ptr, l.off(), size, false, null, false);
            saveAuxPtrType(ptr);
            if (v instanceof ScalarReg(Scalar s) && size < 8) v = RegState.scalar(Alu.coerce(s, size, l.signExtend()));
            else if (l.signExtend() && !(v instanceof ScalarReg)) throw unsupported("sign-extending pointer fills");
            set(l.dst(), v);
        }

        /**
         * save_aux_ptr_type: one load/store instruction may not access ctx on one path and another pointer type on
         * another (reg_type_mismatch; ctx is the only type here whose accesses the kernel rewrites).
         */
        private void saveAuxPtrType(RegState ptr) {
            String type = typeName(ptr);
            String prev = ptrTypes.putIfAbsent(at, type);
            if (prev != null && !prev.equals(type) && (prev.equals("ctx") || type.equals("ctx"))) {
                throw einval("same insn cannot be used with different pointers");
            }
        }

        /** check_ld_abs: skb programs, R6 the unmoved ctx; R1-R5 become unreadable, R0 an unknown scalar. */
        private void ldAbs(Insn.LegacyLoad l) {
            io.kflab.bpf.sys.ProgType t = opts.progType();
            if (t != io.kflab.bpf.sys.ProgType.SOCKET_FILTER && t != io.kflab.bpf.sys.ProgType.SCHED_CLS
                    && t != io.kflab.bpf.sys.ProgType.SCHED_ACT) {
                throw einval("BPF_LD_[ABS|IND] instructions not allowed for this program type");
            }
            RegState r6 = read(6);
            if (!(r6 instanceof CtxPtr c)) throw einval("at the time of BPF_LD_ABS|IND R6 != pointer to skb");
            if (l.indirect()) read(l.src());
            if (c.off() != 0) throw eacces("dereference of modified ctx ptr R6 off=%d disallowed", c.off());
            cur = cur.copy();
            for (int i = 1; i <= 5; i++) cur.regs[i] = RegState.NOT_INIT;
            cur.regs[0] = RegState.scalar(Scalar.UNKNOWN);
        }

        /** check_atomic_rmw (root): read then write of the same location, fetch forms load the old value. */
        private void atomic(Insn.Atomic a) {
            io.kflab.bpf.isa.AtomicOp op = a.op();
            if (op == io.kflab.bpf.isa.AtomicOp.LOAD_ACQ || op == io.kflab.bpf.isa.AtomicOp.STORE_REL) {
                throw unsupported("load-acquire/store-release");
            }
            RegState src = read(a.src());
            RegState ptr = read(a.dst());
            boolean cmpxchg = op == io.kflab.bpf.isa.AtomicOp.CMPXCHG;
            RegState r0 = cmpxchg ? read(0) : null;
            if (ptr instanceof MapValueVar) throw unsupported("atomics on variable-offset map values");
            if (ptr instanceof CtxPtr || ptr instanceof Pkt || ptr instanceof PktEnd) {
                throw eacces("BPF_ATOMIC stores into R%d %s is not allowed", a.dst(), typeName(ptr));
            }
            boolean fetch = op.fetches();
            int loadReg = cmpxchg ? 0 : a.src();
            if (fetch) checkWrite(loadReg);
            if (src.isPointer() || (r0 != null && r0.isPointer())) throw unsupported("atomic stores of pointers");
            int size = a.size().bytes();
            if (ptr instanceof MapValue m && !m.orNull() && (m.off() + a.off()) % size != 0) { // strict_alignment_once
                throw eacces("misaligned value access off 0+%d+%d size %d", m.off(), a.off(), size);
            }
            RegState old = access(a.dst(), ptr, a.off(), size, false, null, false);
            if (!(old instanceof ScalarReg(Scalar os))) throw unsupported("atomics on spilled pointers");
            access(a.dst(), ptr, a.off(), size, true, null, false);
            if (fetch) set(loadReg, RegState.scalar(size < 8 ? Alu.coerce(os, size, false) : os));
        }

        private void store(Insn.Store s) {
            RegState val = null;
            if (s.src() instanceof Operand.Reg(int r)) val = read(r);
            RegState ptr = read(s.dst());
            access(s.dst(), ptr, s.off(), s.size().bytes(), true, val, val == null && ((Operand.Imm) s.src()).value() == 0);
            saveAuxPtrType(ptr);
            if (val == null && ptr instanceof StackPtr) immSpill(s, (StackPtr) ptr);
        }

        /** BPF_ST of an immediate at an 8-byte aligned stack slot spills a constant (kernel: the fake_reg case). */
        private void immSpill(Insn.Store s, StackPtr p) {
            int off = p.off() + s.off();
            if (off % 8 != 0) return;
            int spi = (-off - 1) / 8;
            FrameState f = cur.frame(p.frameno()); // a fresh copy: access() has just written this slot
            StackSlot old = f.stack[spi];
            byte[] t = old.types().clone();
            int size = s.size().bytes();
            Scalar c = Scalar.constant(((Operand.Imm) s.src()).value());
            spill(t, size);
            f.stack[spi] = new StackSlot(t, RegState.scalar(c));
        }

        private static void spill(byte[] t, int size) {
            int i = 8;
            for (; i > 8 - size; i--) t[i - 1] = StackSlot.SPILL;
            for (; i > 0; i--) if (t[i - 1] != StackSlot.ZERO && t[i - 1] != StackSlot.INVALID) t[i - 1] = StackSlot.MISC;
        }

        /** check_mem_access; for reads returns the loaded value (before narrowing). */
        private RegState access(int regno, RegState ptr, int insnOff, int size, boolean write, RegState val, boolean zeroImm) {
            return switch (ptr) {
                case ScalarReg s -> throw eacces("R%d invalid mem access 'scalar'", regno);
                case MapPtr m -> throw eacces("R%d invalid mem access 'map_ptr'", regno);
                case MapValue m when m.orNull() -> throw eacces("R%d invalid mem access 'map_value_or_null'", regno);
                case MapValue m -> {
                    mapAccess(regno, m, insnOff, size, write);
                    yield RegState.scalar(Scalar.UNKNOWN);
                }
                case CtxPtr c -> {
                    if (c.off() != 0) throw eacces("dereference of modified ctx ptr R%d off=%d disallowed", regno, c.off());
                    if (ctx == null) throw unsupported("context of " + opts.progType());
                    if (!write && insnOff == 168 && size == 8 && ctx instanceof CtxLayout.SkBuff) throw unsupported("__sk_buff->sk");
                    if (!write && insnOff == 168 && size == 8 && ctx instanceof CtxLayout.CgroupSkb) throw unsupported("__sk_buff->sk");
                    if (!write && insnOff == 168 && size == 8 && ctx instanceof CtxLayout.SkSkb) throw unsupported("__sk_buff->sk");
                    if (!write && insnOff == 72 && size == 8 && ctx instanceof CtxLayout.SkMsg) throw unsupported("sk_msg_md->sk");
                    if (!write && insnOff == 168 && size == 8 && ctx instanceof CtxLayout.Lwt) throw unsupported("__sk_buff->sk");
                    if (!write && (insnOff == 0 || insnOff == 8) && size == 8 && ctx instanceof CtxLayout.Netfilter) throw unsupported("bpf_nf_ctx pointers");
                    if (!write && insnOff == 0 && size == 8 && ctx instanceof CtxLayout.SkLookup) throw unsupported("bpf_sk_lookup->sk");
                    if (!ctx.valid(insnOff, size, write)) throw eacces("invalid bpf_context access off=%d size=%d", insnOff, size);
                    yield switch (ctx.field(insnOff)) {
                        case SCALAR -> RegState.scalar(Scalar.UNKNOWN);
                        case PKT -> new Pkt(false, 0, 0);
                        case PKT_META -> new Pkt(true, 0, 0);
                        case PKT_END -> new PktEnd();
                    };
                }
                case PktEnd e -> throw eacces("R%d invalid mem access 'pkt_end'", regno);
                case MapValueVar m -> {
                    mapAccessType(m.map(), (long) m.off() + insnOff, size, write);
                    mapRegionAccess(regno, m, insnOff, size);
                    yield RegState.scalar(Scalar.UNKNOWN);
                }
                case Pkt p -> {
                    if (write && !ctx.packetWritable()) throw eacces("cannot write into packet");
                    if (write && val != null && val.isPointer()) throw unsupported("pointer stores into the packet");
                    long off = (long) p.off() + insnOff;
                    if (p.range() < 0) throw einval("R%d offset is outside of the packet", regno);
                    if (off < 0 || off + size > p.range()) {
                        throw eacces("invalid access to packet, off=%d size=%d, R%d(id=0,off=%d,r=%d)\nR%d offset is outside of the packet",
                                off, size, regno, off, p.range(), regno);
                    }
                    yield RegState.scalar(Scalar.UNKNOWN);
                }
                case StackPtr p -> stackAccess(regno, p, insnOff, size, write, val, zeroImm);
                case RegState.BtfPtr b -> BtfAccess.access(regno, b, insnOff, size, write, !opts.sleepable() || cur.rcuLock);
                case NotInit n -> throw new AssertionError();
            };
        }

        /** check_mem_region_access for a map value pointer with a variable offset. */
        private void mapRegionAccess(int regno, MapValueVar m, int insnOff, int size) {
            long off = (long) m.off() + insnOff;
            long smin = m.var().smin();
            int vs = m.map().valueSize();
            if (smin < 0 && (smin == Long.MIN_VALUE || off + smin != (int) (off + smin) || smin + off < 0)) {
                throw eacces("R%d min value is negative, either use unsigned index or do a if (index >=0) check.", regno);
            }
            long lo = smin + off;
            if (lo < 0 || lo + size > vs) {
                throw eacces("invalid access to map value, value_size=%d off=%d size=%d\nR%d min value is outside of the allowed memory range",
                        vs, lo, size, regno);
            }
            long umax = m.var().umax();
            if (Long.compareUnsigned(umax, 1L << 29) >= 0) {
                throw eacces("R%d unbounded memory access, make sure to bounds check any such access", regno);
            }
            long hi = umax + off;
            if (hi < 0 || hi + size > vs) {
                throw eacces("invalid access to map value, value_size=%d off=%d size=%d\nR%d max value is outside of the allowed memory range",
                        vs, hi, size, regno);
            }
        }

        /** check_map_access_type: BPF_F_RDONLY_PROG / BPF_F_WRONLY_PROG maps. */
        private void mapAccessType(MapDef map, long off, int size, boolean write) {
            if (write && (map.flags() & MapDef.RDONLY_PROG) != 0) {
                throw eacces("write into map forbidden, value_size=%d off=%d size=%d", map.valueSize(), off, size);
            }
            if (!write && (map.flags() & MapDef.WRONLY_PROG) != 0) {
                throw eacces("read from map forbidden, value_size=%d off=%d size=%d", map.valueSize(), off, size);
            }
        }

        private void mapAccess(int regno, MapValue m, int insnOff, int size, boolean write) {
            long off = (long) m.off() + insnOff;
            mapAccessType(m.map(), off, size, write);
            if (off < 0 || off + size > m.map().valueSize()) {
                throw eacces("invalid access to map value, value_size=%d off=%d size=%d\nR%d min value is outside of the allowed memory range",
                        m.map().valueSize(), off, size, regno);
            }
        }

        private RegState stackAccess(int regno, StackPtr p, int insnOff, int size, boolean write, RegState val, boolean zeroImm) {
            int off = p.off() + insnOff;
            if (Math.floorMod(off, size) != 0) {
                throw eacces("misaligned stack access off 0+%d+%d size %d", p.off(), insnOff, size);
            }
            if (off < -FrameState.STACK || off + size > 0) {
                throw eacces("invalid %s stack R%d off=%d size=%d", write ? "write to" : "read from", regno, off, size);
            }
            int spi = (-off - 1) / 8;
            int slot = -off - 1;
            FrameState f = cur.frame(p.frameno());
            subprogs.grow(f.subprog, -off);
            StackSlot old = f.stack[spi];
            if (write) {
                f = f.copy();
                byte[] t = old.types().clone();
                if (val instanceof ScalarReg && off % 8 == 0) {
                    spill(t, size);
                    f.stack[spi] = new StackSlot(t, val);
                } else if (val != null && val.isPointer()) {
                    if (size != 8) throw eacces("invalid size of register spill");
                    if (f.frameno != cur.frameno && val instanceof StackPtr) {
                        throw einval("cannot spill pointers to stack into stack frame of the caller");
                    }
                    spill(t, 8);
                    f.stack[spi] = new StackSlot(t, val);
                } else {
                    if (old.isSpill()) for (int i = 0; i < 8; i++) if (t[i] != StackSlot.INVALID) t[i] = StackSlot.MISC;
                    byte type = (val instanceof ScalarReg(Scalar s) && s.isConst() && s.varOff().value() == 0) || zeroImm
                            ? StackSlot.ZERO : StackSlot.MISC;
                    for (int i = 0; i < size; i++) t[(slot - i) % 8] = type;
                    f.stack[spi] = new StackSlot(t, RegState.NOT_INIT);
                }
                cur = cur.replace(f);
                return null;
            }
            if (old.isSpill()) {
                int spillSize = old.spillSize();
                RegState sp = old.spilled();
                if (size == 8 && spillSize == 8) return sp;
                if (!(sp instanceof ScalarReg)) throw eacces("invalid size of register fill");
                if (size <= spillSize && off % 8 == 0) return sp;
                int spills = 0, zeros = 0;
                for (int i = 0; i < size; i++) {
                    byte b = old.types()[(slot - i) % 8];
                    if (b == StackSlot.SPILL) spills++;
                    else if (b == StackSlot.ZERO) zeros++;
                }
                if (spills == size && sp instanceof ScalarReg(Scalar s) && s.isConst() && s.varOff().value() == 0) {
                    return RegState.scalar(Scalar.constant(0));
                }
                return RegState.scalar(zeros == size ? Scalar.constant(0) : Scalar.UNKNOWN);
            }
            int zeros = 0;
            for (int i = 0; i < size; i++) if (old.types()[(slot - i) % 8] == StackSlot.ZERO) zeros++;
            return RegState.scalar(zeros == size ? Scalar.constant(0) : Scalar.UNKNOWN);
        }

        // ---------------------------------------------------------------- jumps

        private int jump(int idx, Insn.Jump j) {
            int srcReg = j.src() instanceof Operand.Reg(int r) ? r : -1;
            RegState b = srcReg >= 0 ? read(srcReg) : null;
            RegState a = read(j.dst());
            int target = idx + 1 + j.off();
            boolean w64 = j.width() == Width.W64;
            if (a instanceof ScalarReg(Scalar sa) && (b == null || b instanceof ScalarReg)) {
                Scalar sb = b == null ? Scalar.constant(((Operand.Imm) j.src()).value()) : ((ScalarReg) b).value();
                Branch.Outcome o = Branch.taken(j.op(), j.width(), sa, sb);
                if (o == Branch.Outcome.TRUE) return target;
                if (o == Branch.Outcome.FALSE) return idx + 1;
                FrameState taken = cur.copy();
                FrameState fall = cur.copy();
                if (srcReg != j.dst()) {
                    Branch.Refined t = Branch.refine(j.op(), j.width(), sa, sb, true);
                    Branch.Refined f = Branch.refine(j.op(), j.width(), sa, sb, false);
                    taken.regs[j.dst()] = RegState.scalar(t.a());
                    fall.regs[j.dst()] = RegState.scalar(f.a());
                    if (srcReg >= 0) {
                        taken.regs[srcReg] = RegState.scalar(t.b());
                        fall.regs[srcReg] = RegState.scalar(f.b());
                    }
                }
                push(target, idx, taken);
                cur = fall;
                return idx + 1;
            }
            if (w64 && b != null) {
                Integer next = pktJump(idx, j, a, b, target);
                if (next != null) return next;
            }
            // pointer comparisons (allowed for root): decide against 0 for non-NULL pointers, NULL-mark lookups
            RegState ptr = a.isPointer() ? a : b;
            RegState other = a.isPointer() ? b : a;
            JmpOp op = a.isPointer() ? j.op() : flip(j.op());
            boolean otherZero = other == null ? ((Operand.Imm) j.src()).value() == 0
                    : other instanceof ScalarReg(Scalar s) && s.isConst() && s.varOff().value() == 0;
            if (w64 && (other == null || !other.isPointer()) && otherZero && (op == JmpOp.JEQ || op == JmpOp.JNE)) {
                // is_branch_taken: only reg_not_null types (fixed-offset map values, map pointers, trusted BTF
                // pointers) are decided; ctx, stack and packet pointers explore both branches
                boolean maybeNull = ptr instanceof MapValue m && m.orNull()
                        || ptr instanceof RegState.BtfPtr bp && bp.has(RegState.BtfPtr.MAYBE_NULL);
                boolean notNull = (ptr instanceof MapValue m2 && !m2.orNull()) || ptr instanceof MapPtr
                        || (ptr instanceof RegState.BtfPtr bp2 && !bp2.has(RegState.BtfPtr.MAYBE_NULL) && bp2.trusted());
                if (notNull) return op == JmpOp.JNE ? target : idx + 1;
                if (maybeNull && a.isPointer() && b == null) {
                    int id = ptr instanceof MapValue mv ? mv.id() : ((RegState.BtfPtr) ptr).id();
                    int ref = ptr instanceof RegState.BtfPtr bp3 ? bp3.refObjId() : 0;
                    FrameState taken = markNull(cur, id, op == JmpOp.JEQ, ref);
                    FrameState fall = markNull(cur, id, op == JmpOp.JNE, ref);
                    push(target, idx, taken);
                    cur = fall;
                    return idx + 1;
                }
            }
            push(target, idx, cur.copy());
            return idx + 1;
        }

        /**
         * try_match_pkt_pointers: {@code pkt op pkt_end} (or {@code pkt_meta op pkt}) gives every packet pointer
         * of that kind the proven range in the branch where the pointer is at most the end, and marks the
         * compared register beyond/at the end (a negative range) in the other.
         */
        private Integer pktJump(int idx, Insn.Jump j, RegState a, RegState b, int target) {
            int srcReg = ((Operand.Reg) j.src()).reg();
            Pkt p;
            int preg;
            JmpOp op;
            if (a instanceof Pkt pa && (!pa.meta() ? b instanceof PktEnd : b instanceof Pkt pb && !pb.meta() && pb.off() == 0)) {
                p = pa; preg = j.dst(); op = j.op();
            } else if (b instanceof Pkt pb && (!pb.meta() ? a instanceof PktEnd : a instanceof Pkt pa && !pa.meta() && pa.off() == 0)) {
                p = pb; preg = srcReg; op = flip(j.op());
            } else {
                return null;
            }
            // now "p op end"
            boolean goodTaken, open;
            switch (op) {
                case JGT -> { goodTaken = false; open = false; }
                case JLT -> { goodTaken = true; open = true; }
                case JGE -> { goodTaken = false; open = true; }
                case JLE -> { goodTaken = true; open = false; }
                default -> { return null; }
            }
            FrameState good = cur.copy();
            FrameState bad = cur.copy();
            if (!(p.off() < 0 || (p.off() == 0 && open) || p.off() > 0xffff)) {
                int newRange = p.off() + (open ? 1 : 0);
                good = cur.mapAll(r -> widen(r, p.meta(), newRange)).copy();
            }
            // bad branch: p > end (open) or p >= end: BEYOND_PKT_END (-1) / AT_PKT_END (-2), PTR_TO_PACKET only
            if (!p.meta()) bad.regs[preg] = new Pkt(false, p.off(), open ? -2 : -1);
            push(target, idx, goodTaken ? good : bad);
            cur = goodTaken ? bad : good;
            return idx + 1;
        }

        private static RegState widen(RegState r, boolean meta, int range) {
            if (r instanceof Pkt q && q.meta() == meta && range > q.range()) return new Pkt(meta, q.off(), range);
            return r;
        }

        private static JmpOp flip(JmpOp op) {
            return switch (op) {
                case JGT -> JmpOp.JLT; case JLT -> JmpOp.JGT; case JGE -> JmpOp.JLE; case JLE -> JmpOp.JGE;
                case JSGT -> JmpOp.JSLT; case JSLT -> JmpOp.JSGT; case JSGE -> JmpOp.JSLE; case JSLE -> JmpOp.JSGE;
                default -> op;
            };
        }

        /** mark_ptr_or_null_regs: every copy of lookup {@code id} becomes 0 or a map value. */
        private static FrameState markNull(FrameState s, int id, boolean isNull, int ref) {
            FrameState n = s.mapAll(r -> markOne(r, id, isNull)).copy();
            if (isNull && ref != 0 && ref == id) {
                n.refs = n.refs.stream().filter(r -> r.id() != ref).toList();
            }
            return n;
        }

        private static RegState markOne(RegState r, int id, boolean isNull) {
            if (r instanceof MapValue m && m.orNull() && m.id() == id) {
                return isNull ? RegState.scalar(Scalar.constant(0)) : new MapValue(m.map(), m.off(), 0, false);
            }
            if (r instanceof RegState.BtfPtr b && b.has(RegState.BtfPtr.MAYBE_NULL) && b.id() == id) {
                return isNull ? RegState.scalar(Scalar.constant(0))
                        : new RegState.BtfPtr(b.btfId(), b.typeName(), b.off(), 0, b.refObjId(), b.flags() & ~RegState.BtfPtr.MAYBE_NULL);
            }
            return r;
        }

        // ---------------------------------------------------------------- calls

        private void call(Insn.Call c) {
            if (c.kind() == CallKind.KFUNC) {
                KfuncCall.check(this, curInsn, c.imm());
                return;
            }
            if (c.kind() != CallKind.HELPER) throw unsupported("bpf-to-bpf calls");
            int id = c.imm();
            if (id < 0 || id >= HelperProto.MAX_ID) throw einval("invalid func unknown#%d", id);
            HelperProto p = HelperProto.of(id).filter(h -> h.availableTo(opts.progType())).orElse(null);
            if (p == null) {
                String name = HELPERS.name(id);
                throw einval("program of this type cannot use helper %s#%d", name == null ? "unknown" : name, id);
            }
            MapDef map = null;
            boolean constKeyInRange = false;
            for (int i = 0; i < p.args().size(); i++) {
                int regno = i + 1;
                RegState r = read(regno);
                switch (p.args().get(i)) {
                    case CONST_MAP_PTR -> {
                        if (!(r instanceof MapPtr(MapDef m))) throw eacces("R%d type=%s expected=map_ptr", regno, typeName(r));
                        map = m;
                    }
                    case PTR_TO_MAP_KEY -> {
                        helperMem(regno, r, map.keySize(), true);
                        constKeyInRange = map.type() == MapDef.ARRAY && constKey(r, map);
                    }
                    case PTR_TO_MAP_VALUE -> helperMem(regno, r, map.valueSize(), true);
                    case PTR_TO_MEM, PTR_TO_UNINIT_MEM, PTR_TO_MEM_OR_NULL -> {
                        boolean isNull = r instanceof ScalarReg(Scalar z) && z.isConst() && z.varOff().value() == 0;
                        if (!(isNull && p.args().get(i) == HelperProto.Arg.PTR_TO_MEM_OR_NULL) && !memArgType(r)) {
                            throw eacces("R%d type=%s expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_",
                                    regno, typeName(r));
                        }
                    }
                    case CONST_SIZE, CONST_SIZE_OR_ZERO -> {
                        HelperProto.Arg memArg = p.args().get(i - 1);
                        long size = memSize(regno, r, p.args().get(i) == HelperProto.Arg.CONST_SIZE_OR_ZERO);
                        RegState mem = read(regno - 1);
                        if (size == 0 && p.args().get(i) == HelperProto.Arg.CONST_SIZE_OR_ZERO) break; // zero-sized: nothing to check
                        if (mem instanceof ScalarReg) throw eacces("R%d type=scalar expected=fp", regno - 1);
                        boolean constSize = r instanceof ScalarReg(Scalar sz) && sz.isConst();
                        if (memArg == HelperProto.Arg.PTR_TO_UNINIT_MEM && constSize) rawWrite(regno - 1, mem, (int) size);
                        else helperMem(regno - 1, mem, (int) size, false);
                    }
                    case PTR_TO_CTX -> {
                        if (!(r instanceof CtxPtr ctxPtr) || ctxPtr.off() != 0) throw eacces("R%d type=%s expected=ctx", regno, typeName(r));
                    }
                    case ANYTHING -> {}
                }
            }
            cur = cur.copy();
            for (int i = 1; i <= 5; i++) cur.regs[i] = RegState.NOT_INIT;
            cur.regs[0] = switch (p.ret()) {
                case MAP_VALUE_OR_NULL -> constKeyInRange ? new MapValue(map, 0, 0, false) : new MapValue(map, 0, ++idGen, true);
                case INTEGER -> RegState.scalar(id == 8 ? Scalar.range(0, opts.nrCpuIds() - 1) : Scalar.UNKNOWN);
                case BTF_ID_TRUSTED -> BtfAccess.trustedStruct(p.retStruct());
            };
        }

        private static String typeName(RegState r) {
            return switch (r) {
                case ScalarReg s -> "scalar";
                case CtxPtr c -> "ctx";
                case StackPtr s -> "fp";
                case MapPtr m -> "map_ptr";
                case MapValue m -> m.orNull() ? "map_value_or_null" : "map_value";
                case Pkt p -> p.meta() ? "pkt_meta" : "pkt";
                case PktEnd e -> "pkt_end";
                case MapValueVar m -> "map_value";
                case RegState.BtfPtr b -> b.typeStr();
                case NotInit n -> "?";
            };
        }

        /** Whether {@code r} is one of the pointer types a memory argument takes (kernel: mem_types), as far as modelled. */
        private static boolean memArgType(RegState r) {
            return r instanceof StackPtr || r instanceof MapValue || r instanceof MapValueVar || r instanceof Pkt;
        }

        /** check_mem_size_reg: the size argument's bounds; the size the memory is checked for (its umax). */
        private long memSize(int regno, RegState r, boolean zeroOk) {
            if (!(r instanceof ScalarReg(Scalar s))) throw eacces("R%d type=%s expected=scalar", regno, typeName(r));
            if (s.smin() < 0) throw eacces("R%d min value is negative, either use unsigned or 'var &= const'", regno);
            if (s.umin() == 0 && !zeroOk) {
                throw eacces("R%d invalid zero-sized read: u64=[%d,%d]", regno, s.umin(), s.umax());
            }
            if (Long.compareUnsigned(s.umax(), 1L << 29) >= 0) {
                throw eacces("R%d unbounded memory access, use 'var &= const' or 'if (var < const)'", regno);
            }
            return s.umax();
        }

        /**
         * ARG_PTR_TO_UNINIT_MEM with a constant size (kernel: raw_mode): the memory need not be initialised, and
         * afterwards every byte the helper may write is STACK_MISC (check_helper_call's byte-wise check_mem_access).
         */
        private void rawWrite(int regno, RegState r, int size) {
            if (r instanceof MapValue m && !m.orNull()) {
                mapAccess(regno, m, 0, size, true);
                return;
            }
            if (!(r instanceof StackPtr p)) {
                helperMem(regno, r, size, false);
                return;
            }
            if (p.off() < -FrameState.STACK || p.off() + size > 0) {
                throw einval("invalid write to stack R%d off=%d size=%d", regno, p.off(), size);
            }
            for (int i = 0; i < size; i++) stackAccess(regno, p, i, 1, true, null, false);
        }

        /** check_helper_mem_access for fixed-offset stack and map value pointers. */
        private void helperMem(int regno, RegState r, int size, boolean key) {
            switch (r) {
                case StackPtr p -> {
                    int off = p.off();
                    if (off < -FrameState.STACK || off + size > 0) {
                        throw einval("invalid read from stack R%d off=%d size=%d", regno, off, size);
                    }
                    subprogs.grow(cur.frame(p.frameno()).subprog, -off);
                }
                case MapValue m when !m.orNull() -> mapAccess(regno, m, 0, size, false);
                case Pkt p -> throw unsupported("packet pointers as helper arguments");
                case MapValueVar m -> throw unsupported("variable-offset map values as helper arguments");
                default -> {
                    String expected = key ? "fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_"
                            : "fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_";
                    if (!key) throw unsupported("helper memory argument of type " + typeName(r));
                    throw eacces("R%d type=%s expected=%s", regno, typeName(r), expected);
                }
            }
        }

        /** 6.18: an array lookup whose key is a known in-range constant spilled at an aligned stack slot cannot fail. */
        private boolean constKey(RegState r, MapDef map) {
            if (!(r instanceof StackPtr(int fn, int off)) || off % 8 != 0) return false;
            StackSlot s = cur.frame(fn).stack[(-off - 1) / 8];
            if (!s.isSpill() || s.spillSize() != map.keySize()) return false; // get_constant_map_key: spill of exactly key_size
            if (!(s.spilled() instanceof ScalarReg(Scalar v)) || !v.isConst()) return false;
            long k = v.varOff().value() & 0xffffffffL;
            return k < map.maxEntries();
        }

        // ---------------------------------------------------------------- pruning

        /** Simplified states_equal: registers and stack of {@code old} include those of {@code cur}. */
        static boolean covers(FrameState old, FrameState cur) {
            if (old == cur) return true;
            if (!old.sameResources(cur)) return false;
            if (old.frameno != cur.frameno || old.callsite != cur.callsite) return false;
            if (old.caller != null && !covers(old.caller, cur.caller)) return false; // every frame (states_equal)
            for (int i = 0; i < 11; i++) if (!regCovers(old.regs[i], cur.regs[i])) return false;
            for (int i = 0; i < old.stack.length; i++) {
                StackSlot o = old.stack[i], c = cur.stack[i];
                if (o == c || o.equals(c)) continue;
                if (o.isSpill() || c.isSpill()) {
                    if (!o.isSpill() || !c.isSpill() || !Arrays.equals(o.types(), c.types())) {
                        if (!bytesCover(o, c)) return false;
                        continue;
                    }
                    if (!regCovers(o.spilled(), c.spilled()) || c.spilled() instanceof NotInit) return false;
                    continue;
                }
                if (!bytesCover(o, c)) return false;
            }
            return true;
        }

        private static boolean bytesCover(StackSlot o, StackSlot c) {
            for (int b = 0; b < 8; b++) {
                byte ob = o.types()[b], cb = c.types()[b];
                if (ob == StackSlot.INVALID) continue;
                if (ob == StackSlot.MISC && cb != StackSlot.SPILL) continue;
                if (ob == cb && ob == StackSlot.ZERO) continue;
                return false;
            }
            return true;
        }

        private static boolean regCovers(RegState o, RegState c) {
            if (o instanceof NotInit) return true;
            if (o instanceof ScalarReg(Scalar so) && c instanceof ScalarReg(Scalar sc)) {
                return so.varOff().containsAll(sc.varOff())
                        && so.smin() <= sc.smin() && sc.smax() <= so.smax()
                        && Long.compareUnsigned(so.umin(), sc.umin()) <= 0 && Long.compareUnsigned(sc.umax(), so.umax()) <= 0
                        && so.smin32() <= sc.smin32() && sc.smax32() <= so.smax32()
                        && Integer.compareUnsigned(so.umin32(), sc.umin32()) <= 0 && Integer.compareUnsigned(sc.umax32(), so.umax32()) <= 0;
            }
            return o.equals(c);
        }
    }
}
