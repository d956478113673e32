package io.kflab.bpf.asm;

import io.kflab.bpf.isa.PseudoSource;
import io.kflab.bpf.isa.RawInsn;

/** What a {@code %[name]} operand or a bare name stands for (kernel selftests: __imm, __imm_const, __imm_addr, __imm_insn). */
public sealed interface Symbol {
    /** A constant ({@code __imm_const}). */
    record Constant(long value) implements Symbol {}

    /** A helper function by id. */
    record Helper(int id) implements Symbol {}

    /** A kfunc by BTF id; {@code off} is the fd_array index of a module BTF (0 for vmlinux). */
    record Kfunc(int btfId, short off) implements Symbol {}

    /** A map loaded by ld_imm64 ({@code __imm_addr(map)}): an fd or fd_array index, plus an optional value offset. */
    record MapRef(PseudoSource source, int fdOrIndex, int valueOffset) implements Symbol {
        public static MapRef fd(int fd) {
            return new MapRef(PseudoSource.MAP_FD, fd, 0);
        }
    }

    /** A raw instruction slot ({@code __imm_insn}), emitted by {@code .8byte %[name]}. */
    record RawWord(RawInsn insn) implements Symbol {}
}
