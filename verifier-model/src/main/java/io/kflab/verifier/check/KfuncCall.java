package io.kflab.verifier.check;

import static io.kflab.verifier.check.Verifier.eacces;
import static io.kflab.verifier.check.Verifier.einval;
import static io.kflab.verifier.check.Verifier.unsupported;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.btf.BtfParam;
import io.kflab.bpf.btf.BtfPtr;
import io.kflab.bpf.btf.BtfType;
import io.kflab.verifier.kfunc.KernelKfuncs;
import io.kflab.verifier.scalar.Scalar;
import io.kflab.verifier.state.FrameState;
import io.kflab.verifier.state.RefState;
import io.kflab.verifier.state.RegState;
import io.kflab.verifier.state.RegState.ScalarReg;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A call of a kernel function (kernel: check_kfunc_call with fetch_kfunc_meta and check_kfunc_args) for kfuncs
 * taking scalars and PTR_TO_BTF_ID arguments: program-type access through the kfunc catalog, KF_DESTRUCTIVE,
 * KF_SLEEPABLE, KF_TRUSTED_ARGS / KF_RCU, __nullable, KF_ACQUIRE / KF_RELEASE references, KF_RET_NULL, and
 * bpf_rcu_read_lock/unlock regions. Special kfuncs (allocation, lists, rbtrees, dynptrs, iterators, casts, ...) and
 * memory arguments are {@code not modelled}.
 */
final class KfuncCall {
    private KfuncCall() {}

    /** Name prefixes of kfuncs with verifier special cases the model does not cover (special_kfunc_list and kin). */
    private static final List<String> SPECIAL = List.of("bpf_obj_", "bpf_percpu_obj_", "bpf_refcount_", "bpf_list_",
            "bpf_rbtree_", "bpf_dynptr", "bpf_iter_", "bpf_wq_", "bpf_res_spin", "bpf_local_irq", "bpf_preempt_",
            "bpf_throw", "bpf_session_", "bpf_cast_to_kern_ctx", "bpf_rdonly_cast", "bpf_get_kmem_cache", "bpf_arena_",
            "bpf_task_work_", "bpf_stream_", "bpf_kptr_", "bpf_timer_", "bpf_copy_from_user");
    /** Flags whose semantics are outside the model. */
    private static final Set<String> UNMODELLED_FLAGS = Set.of("KF_ITER_NEW", "KF_ITER_NEXT", "KF_ITER_DESTROY",
            "KF_RCU_PROTECTED", "KF_ARENA_RET", "KF_ARENA_ARG1", "KF_ARENA_ARG2", "KF_IMPLICIT_ARGS");
    /** Parameter-name suffixes whose argument kinds are outside the model. */
    private static final List<String> UNMODELLED_SUFFIXES = List.of("__alloc", "__refcounted_kptr", "__str", "__map",
            "__uninit", "__irq_flag", "__prog", "__opt", "__sz", "__szk", "__iter");

    /** Struct names some program type's context converts to (btf_is_prog_ctx_type's candidates, reduced). */
    private static final Set<String> CTX_TYPES = Set.of("__sk_buff", "sk_buff", "xdp_md", "xdp_buff", "bpf_sock_ops",
            "bpf_sock_ops_kern", "sk_msg_md", "sk_msg", "bpf_sock_addr", "bpf_sock_addr_kern", "pt_regs", "bpf_perf_event_data",
            "bpf_raw_tracepoint_args", "bpf_nf_ctx", "bpf_sk_lookup", "bpf_sysctl", "bpf_sockopt", "sock", "bpf_sock");

    static void check(Verifier.Walk w, int insnIdx, int imm) {
        if (imm == 0) {
            w.kfuncImmZero = true;
            return;
        }
        KernelKfuncs k = KernelKfuncs.running().orElseThrow(() -> unsupported("kfunc calls without the kernel BTF and catalog"));
        Btf btf = k.btf();
        String name = k.funcName(imm).orElseThrow(() -> einval("kernel btf_id %d is not a function", imm));
        boolean sleepable = w.opts.sleepable();
        KernelKfuncs.Access access = k.access(name, w.opts.progType(), sleepable);
        if (access == KernelKfuncs.Access.NOT_ALLOWED) throw eacces("calling kernel function %s is not allowed", name);
        if (access == KernelKfuncs.Access.UNKNOWN) throw unsupported("kfunc " + name + " (catalog cannot decide)");
        KernelKfuncs.Meta meta = k.meta(imm).orElseThrow(() -> unsupported("kfunc " + name + " without known flags"));
        for (String p : SPECIAL) if (name.startsWith(p)) throw unsupported("kfunc " + name);
        for (String f : meta.flags()) if (UNMODELLED_FLAGS.contains(f)) throw unsupported(f + " kfuncs");
        // KF_DESTRUCTIVE needs CAP_SYS_BOOT, which the model's privileged loader has.
        if (meta.has("KF_SLEEPABLE") && !sleepable || access == KernelKfuncs.Access.SLEEPABLE_ONLY) {
            throw eacces("program must be sleepable to call sleepable kfunc %s", name);
        }
        List<BtfParam> params = btf.params(meta.protoId());
        if (params.size() > 5) throw einval("Function %s has %d > 5 args", name, params.size());
        boolean release = meta.has("KF_RELEASE");
        boolean trustedArgs = meta.has("KF_TRUSTED_ARGS") || release;
        boolean rcuArgs = meta.has("KF_RCU");
        FrameState cur = w.cur;
        int refObjId = 0, releaseRegno = 0;
        for (int i = 0; i < params.size(); i++) {
            int regno = i + 1;
            BtfParam prm = params.get(i);
            RegState reg = cur.regs[regno];
            int tid = btf.resolve(prm.type());
            BtfType t = btf.type(tid);
            if (prm.name().endsWith("__ign")) continue;
            if (t.kind() == BtfKind.INT || t.kind() == BtfKind.ENUM || t.kind() == BtfKind.ENUM64) {
                if (!(reg instanceof ScalarReg(Scalar s))) throw einval("R%d is not a scalar", regno);
                if (prm.name().endsWith("__k") && !s.isConst()) throw einval("R%d must be a known constant", regno);
                if (prm.name().equals("rdonly_buf_size") || prm.name().equals("rdwr_buf_size")) throw unsupported("kfunc buffer sizes");
                continue;
            }
            if (!(t instanceof BtfPtr p)) throw unsupported("kfunc argument of kind " + t.kind());
            for (String suf : UNMODELLED_SUFFIXES) if (prm.name().endsWith(suf)) throw unsupported("kfunc arguments " + suf);
            if (i + 1 < params.size() && (params.get(i + 1).name().endsWith("__sz") || params.get(i + 1).name().endsWith("__szk"))) {
                throw unsupported("kfunc memory arguments");
            }
            boolean nullable = prm.name().endsWith("__nullable");
            boolean isNull = reg instanceof ScalarReg(Scalar s) && s.isConst() && s.varOff().value() == 0;
            boolean maybeNull = reg instanceof RegState.BtfPtr b && b.has(RegState.BtfPtr.MAYBE_NULL);
            if ((trustedArgs || rcuArgs) && (isNull || maybeNull) && !nullable) {
                throw eacces("Possibly NULL pointer passed to trusted arg%d", i);
            }
            int rid = reg instanceof RegState.BtfPtr b ? b.refObjId() : 0;
            if (rid != 0) {
                if (release && refObjId != 0) throw unsupported("two referenced kfunc arguments");
                refObjId = rid;
                if (release) releaseRegno = regno;
            }
            int refId = btf.resolve(p.type());
            BtfType refT = btf.type(refId);
            String refName = btf.name(refId);
            if (reg instanceof RegState.CtxPtr && CTX_TYPES.contains(refName)) throw unsupported("kfunc context arguments");
            if (nullable && isNull) continue;
            if (refT.kind() == BtfKind.STRUCT && refName.startsWith("bpf_")) throw unsupported("kfunc argument struct " + refName);
            if (refT.kind() == BtfKind.FUNC_PROTO) throw unsupported("kfunc callbacks");
            if (!(reg instanceof RegState.BtfPtr b)) {
                // KF_ARG_PTR_TO_MEM: only scalars or structs of scalars may be pointed to
                if (!isScalarType(btf, refId) && !scalarStruct(btf, refId, 0)) {
                    throw einval("arg#%d pointer type %s %s must point to scalar, or struct with scalar", i, kindStr(refT), refName);
                }
                throw unsupported("kfunc memory arguments");
            }
            if (refT.kind() != BtfKind.STRUCT) {
                throw einval("kernel function %s args#%d pointer type %s %s is not supported", name, i, kindStr(refT), refName);
            }
            if ((trustedArgs || rcuArgs) && !b.trusted()) {
                if (!rcuArgs) throw einval("R%d must be referenced or trusted", regno);
                if (!b.has(RegState.BtfPtr.RCU)) throw einval("R%d must be a rcu pointer", regno);
            }
            if (release && rid != 0 && b.off() != 0) {
                throw einval("R%d must have zero offset when passed to release func or trusted arg to kfunc", regno);
            }
            boolean unsafe = b.has(RegState.BtfPtr.UNTRUSTED | RegState.BtfPtr.MAYBE_NULL | RegState.BtfPtr.RCU);
            if (unsafe && !b.has(RegState.BtfPtr.RCU)) {
                throw einval("arg#%d is %s expected %s or socket", i, b.typeStr(), b.has(RegState.BtfPtr.TRUSTED) ? "trusted_ptr_" : "ptr_");
            }
            boolean strict = release && rid != 0;
            if (!structMatches(btf, b.btfId(), b.off(), refId, strict)) {
                throw einval("kernel function %s args#%d expected pointer to STRUCT %s but R%d has a pointer to STRUCT %s",
                        name, i, refName, regno, b.typeName());
            }
        }
        if (release && releaseRegno == 0) throw einval("release kernel function %s expects refcounted PTR_TO_BTF_ID", name);

        FrameState next = cur.copy();
        boolean rcuLock = name.equals("bpf_rcu_read_lock"), rcuUnlock = name.equals("bpf_rcu_read_unlock");
        if (cur.rcuLock) {
            if (rcuLock) throw einval("nested rcu read lock (kernel function %s)", name);
            if (rcuUnlock) {
                mapPointers(next, r -> r.has(RegState.BtfPtr.RCU)
                        ? r.withFlags((r.flags() & ~(RegState.BtfPtr.RCU | RegState.BtfPtr.MAYBE_NULL)) | RegState.BtfPtr.UNTRUSTED) : r);
                next.rcuLock = false;
            } else if (meta.has("KF_SLEEPABLE")) {
                throw eacces("kernel func %s is sleepable within rcu_read_lock region", name);
            }
        } else if (rcuLock) {
            next.rcuLock = true;
        } else if (rcuUnlock) {
            throw einval("unmatched rcu read unlock (kernel function %s)", name);
        }
        if (releaseRegno != 0) release(next, refObjId);
        for (int i = 0; i <= 5; i++) next.regs[i] = RegState.NOT_INIT;
        next.regs[0] = returnValue(w, btf, meta, insnIdx, next, refObjId);
        w.cur = next;
    }

    private static RegState returnValue(Verifier.Walk w, Btf btf, KernelKfuncs.Meta meta, int insnIdx, FrameState next, int argRef) {
        int rid = btf.resolve(btf.proto(meta.protoId()).returnType());
        BtfType t = btf.type(rid);
        boolean acquire = meta.has("KF_ACQUIRE");
        boolean structPtr = t instanceof BtfPtr p && btf.type(btf.resolve(p.type())).kind() == BtfKind.STRUCT;
        if (acquire && !structPtr) throw unsupported("acquire kfuncs not returning PTR_TO_BTF_ID");
        if (rid == 0) return RegState.NOT_INIT;
        if (isScalarType(btf, rid)) return RegState.scalar(Scalar.UNKNOWN);
        if (!(t instanceof BtfPtr p)) throw unsupported("kfunc return kind " + t.kind());
        int pid = btf.resolve(p.type());
        if (pid == 0) return RegState.scalar(Scalar.UNKNOWN);
        if (!structPtr) throw unsupported("kfuncs returning PTR_TO_MEM");
        int id = 0, ref = 0;
        boolean retNull = meta.has("KF_RET_NULL");
        if (retNull) id = ++w.idGen;
        if (acquire) {
            ref = ++w.idGen;
            List<RefState> refs = new ArrayList<>(next.refs);
            refs.add(new RefState(ref, insnIdx));
            next.refs = List.copyOf(refs);
            if (retNull) id = ref;
        }
        return new RegState.BtfPtr(pid, btf.name(pid), 0, id, ref, retNull ? RegState.BtfPtr.MAYBE_NULL : 0);
    }

    /** release_reference: the reference goes, every copy of the pointer becomes an unknown scalar (allow_ptr_leaks). */
    static void release(FrameState s, int refObjId) {
        List<RefState> refs = new ArrayList<>(s.refs);
        refs.removeIf(r -> r.id() == refObjId);
        s.refs = List.copyOf(refs);
        for (int i = 0; i < 11; i++) {
            if (s.regs[i] instanceof RegState.BtfPtr b && b.refObjId() == refObjId) s.regs[i] = RegState.scalar(Scalar.UNKNOWN);
        }
        for (int i = 0; i < s.stack.length; i++) {
            if (s.stack[i].isSpill() && s.stack[i].spilled() instanceof RegState.BtfPtr b && b.refObjId() == refObjId) {
                s.stack[i] = new io.kflab.verifier.state.StackSlot(s.stack[i].types(), RegState.scalar(Scalar.UNKNOWN));
            }
        }
    }

    private static void mapPointers(FrameState s, java.util.function.UnaryOperator<RegState.BtfPtr> f) {
        for (int i = 0; i < 11; i++) if (s.regs[i] instanceof RegState.BtfPtr b) s.regs[i] = f.apply(b);
        for (int i = 0; i < s.stack.length; i++) {
            if (s.stack[i].isSpill() && s.stack[i].spilled() instanceof RegState.BtfPtr b) {
                s.stack[i] = new io.kflab.verifier.state.StackSlot(s.stack[i].types(), f.apply(b));
            }
        }
    }

    /** btf_struct_ids_match at offset 0: the same struct, or (not strict) a first member of that type, recursively. */
    private static boolean structMatches(Btf btf, int have, int off, int want, boolean strict) {
        if (off != 0) return false;
        int cur = btf.resolve(have);
        for (int depth = 0; depth < 16; depth++) {
            if (cur == want) return true;
            if (strict || !(btf.type(cur) instanceof BtfType.Composite c) || c.members().isEmpty()) return false;
            var first = c.members().getFirst();
            if (first.bitOffset() != 0) return false;
            cur = btf.resolve(first.type());
        }
        return false;
    }

    private static boolean isScalarType(Btf btf, int id) {
        BtfKind k = btf.kind(id);
        return k == BtfKind.INT || k == BtfKind.ENUM || k == BtfKind.ENUM64;
    }

    /** __btf_type_is_scalar_struct: a struct whose members are scalars, arrays of scalars or such structs (depth ≤ 4). */
    private static boolean scalarStruct(Btf btf, int id, int depth) {
        if (!(btf.type(id) instanceof BtfType.Composite c) || c.kind() != BtfKind.STRUCT) return false;
        if (depth > 4) return false;
        for (var m : c.members()) {
            int mt = btf.resolve(m.type());
            if (btf.type(mt) instanceof io.kflab.bpf.btf.BtfArray a) {
                if (a.nelems() == 0) return false;
                mt = btf.resolve(a.type());
            }
            if (btf.type(mt) instanceof BtfType.Composite) {
                if (!scalarStruct(btf, mt, depth + 1)) return false;
                continue;
            }
            if (!isScalarType(btf, mt)) return false;
        }
        return true;
    }

    /** btf_type_str. */
    private static String kindStr(BtfType t) {
        return switch (t.kind()) {
            case STRUCT -> "STRUCT";
            case UNION -> "UNION";
            case INT -> "INT";
            case PTR -> "PTR";
            case ENUM -> "ENUM";
            case FUNC_PROTO -> "FUNC_PROTO";
            case UNKN -> "UNKNOWN";
            default -> t.kind().name();
        };
    }
}
