package io.kflab.verifier.cfg;

import static io.kflab.bpf.isa.Opcodes.*;

import io.kflab.bpf.isa.OpcodeTable;
import io.kflab.bpf.isa.RawInsn;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The kernel's load-time structure checks, in its order: subprogram starts from bpf-to-bpf calls
 * and function pointers (add_subprog_and_kfunc), jumps within their subprogram and no fall-through
 * between subprograms (check_subprogs), ld_imm64 and opcode validity (resolve_pseudo_ldimm64), and
 * a depth-first walk of the control flow (check_cfg): back-edges (unprivileged only), unreachable
 * instructions, jumps into the middle of an ld_imm64.
 */
public final class StructureCheck {
    private StructureCheck() {}

    /** Instructions a privileged program may have (kernel: BPF_COMPLEXITY_LIMIT_INSNS). */
    public static final int MAX_INSNS_PRIV = 1_000_000;
    /** Instructions an unprivileged program may have (kernel: BPF_MAXINSNS). */
    public static final int MAX_INSNS_UNPRIV = 4096;
    /** Subprograms a program may have (kernel: BPF_MAX_SUBPROGS). */
    public static final int MAX_SUBPROGS = 256;

    /** The verdict of the structure checks: the structure, or the first rejection. */
    public sealed interface Result permits Ok, Rejected {}

    /** The program's shape is acceptable. */
    public record Ok(Structure structure) implements Result {}

    /** Rejected before the walk. */
    public record Rejected(Rejection rejection) implements Result {}

    /**
     * @param bpfCapable CAP_BPF (or CAP_SYS_ADMIN): bounded loops and bpf-to-bpf calls allowed
     */
    public static Result check(List<RawInsn> slots, boolean bpfCapable) {
        int n = slots.size();
        if (n == 0 || n > (bpfCapable ? MAX_INSNS_PRIV : MAX_INSNS_UNPRIV)) return reject("E2BIG", "");
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(0);
        Rejection r = addSubprogs(slots, bpfCapable, starts);
        if (r == null) r = checkSubprogs(slots, new ArrayList<>(starts));
        if (r == null) r = checkAbnormalReturn(slots, new ArrayList<>(starts));
        if (r == null) r = resolveLdImm64(slots);
        if (r == null) r = Cfg.walk(slots, bpfCapable);
        return r == null ? new Ok(new Structure(new ArrayList<>(starts), n)) : new Rejected(r);
    }

    private static Rejection addSubprogs(List<RawInsn> slots, boolean capable, TreeSet<Integer> starts) {
        int n = slots.size();
        for (int i = 0; i < n; i++) {
            RawInsn in = slots.get(i);
            boolean pseudoFunc = in.code() == (BPF_LD | BPF_IMM | BPF_DW) && in.src() == 4;
            boolean pseudoCall = in.code() == (BPF_JMP | BPF_CALL) && in.src() == BPF_PSEUDO_CALL;
            boolean kfuncCall = in.code() == (BPF_JMP | BPF_CALL) && in.src() == BPF_PSEUDO_KFUNC_CALL;
            if (!pseudoFunc && !pseudoCall && !kfuncCall) continue;
            if (!capable) {
                return new Rejection("EPERM", "loading/calling other bpf or kernel functions are allowed for CAP_BPF and CAP_SYS_ADMIN");
            }
            if (kfuncCall) continue; // resolved against BTF by the kfunc layer
            long off = (long) i + in.imm() + 1;
            if (off >= n || off < 0) return new Rejection("EINVAL", "call to invalid destination");
            if (!starts.contains((int) off) && starts.size() >= MAX_SUBPROGS) return new Rejection("E2BIG", "too many subprograms");
            starts.add((int) off);
        }
        return null;
    }

    private static Rejection checkSubprogs(List<RawInsn> slots, List<Integer> starts) {
        int n = slots.size();
        int cur = 0;
        int start = starts.get(0);
        int end = starts.size() > 1 ? starts.get(1) : n;
        for (int i = 0; i < n; i++) {
            int code = slots.get(i).code();
            int cls = cls(code);
            if ((cls == BPF_JMP || cls == BPF_JMP32) && op(code) != BPF_EXIT && op(code) != BPF_CALL) {
                long off = code == (BPF_JMP32 | BPF_JA) ? (long) i + slots.get(i).imm() + 1 : (long) i + slots.get(i).off() + 1;
                if (off < start || off >= end) return new Rejection("EINVAL", "jump out of range from insn " + i + " to " + off);
            }
            if (i == end - 1) {
                if (code != (BPF_JMP | BPF_EXIT) && code != (BPF_JMP32 | BPF_JA) && code != (BPF_JMP | BPF_JA)) {
                    return new Rejection("EINVAL", "last insn is not an exit or jmp");
                }
                start = end;
                cur++;
                end = cur + 1 < starts.size() ? starts.get(cur + 1) : n;
            }
        }
        return null;
    }

    /**
     * check_abnormal_return, as check_btf_info runs it for a load without func_info (the model never has BTF):
     * subprograms other than the main one may not use LD_ABS/LD_IND or bpf_tail_call.
     */
    private static Rejection checkAbnormalReturn(List<RawInsn> slots, List<Integer> starts) {
        for (int s = 1; s < starts.size(); s++) {
            int end = s + 1 < starts.size() ? starts.get(s + 1) : slots.size();
            boolean ldAbs = false, tailCall = false;
            for (int i = starts.get(s); i < end; i++) {
                int code = slots.get(i).code();
                if (cls(code) == BPF_LD && (mode(code) == BPF_ABS || mode(code) == BPF_IND)) ldAbs = true;
                if (code == (BPF_JMP | BPF_CALL) && slots.get(i).src() == 0 && slots.get(i).imm() == 12) tailCall = true;
            }
            if (ldAbs) return new Rejection("EINVAL", "LD_ABS is not allowed in subprogs without BTF");
            if (tailCall) return new Rejection("EINVAL", "tail_call is not allowed in subprogs without BTF");
        }
        return null;
    }

    private static Rejection resolveLdImm64(List<RawInsn> slots) {
        int n = slots.size();
        for (int i = 0; i < n; i++) {
            RawInsn in = slots.get(i);
            if (cls(in.code()) == BPF_LDX && ((mode(in.code()) != BPF_MEM && mode(in.code()) != BPF_MEMSX) || in.imm() != 0)) {
                return new Rejection("EINVAL", "BPF_LDX uses reserved fields");
            }
            if (in.code() == (BPF_LD | BPF_IMM | BPF_DW)) {
                RawInsn next = i + 1 < n ? slots.get(i + 1) : null;
                if (next == null || next.code() != 0 || next.dst() != 0 || next.src() != 0 || next.off() != 0) {
                    return new Rejection("EINVAL", "invalid bpf_ld_imm64 insn");
                }
                switch (in.src()) {
                    case 0, 3, 4, 2, 6 -> { } // constant, BTF id (checked against BTF), func, map value
                    case 1, 5 -> {
                        if (next.imm() != 0) return new Rejection("EINVAL", "unrecognized bpf_ld_imm64 insn");
                    }
                    default -> {
                        return new Rejection("EINVAL", "unrecognized bpf_ld_imm64 insn");
                    }
                }
                i++;
                continue;
            }
            if (!OpcodeTable.isKnown(in.code())) return new Rejection("EINVAL", String.format("unknown opcode %02x", in.code()));
        }
        return null;
    }

    private static Result reject(String errno, String message) {
        return new Rejected(new Rejection(errno, message));
    }
}
