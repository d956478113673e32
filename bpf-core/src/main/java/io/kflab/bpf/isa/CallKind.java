package io.kflab.bpf.isa;

/** What a BPF_CALL calls, from its src_reg: a helper (0), a bpf-to-bpf subprogram (1) or a kfunc (2). */
public enum CallKind {
    HELPER(0),
    SUBPROG(Opcodes.BPF_PSEUDO_CALL),
    KFUNC(Opcodes.BPF_PSEUDO_KFUNC_CALL);

    private final int srcReg;

    CallKind(int srcReg) {
        this.srcReg = srcReg;
    }

    public int srcReg() {
        return srcReg;
    }

    public static CallKind ofSrcReg(int src) {
        for (CallKind k : values()) if (k.srcReg == src) return k;
        return null;
    }
}
