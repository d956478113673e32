package io.kflab.verifier.structops;

import io.kflab.bpf.sys.Errno;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A struct_ops subsystem descriptor (kernel: struct bpf_struct_ops): the callbacks the kernel runs at
 * program load, map update, registration and link update. An instance may hold the subsystem's own
 * state (e.g. the list of registered congestion controls), so each model kernel gets fresh instances.
 * Absent optional callbacks are expressed by {@link #hasValidate()}, {@link #hasUpdate()},
 * {@link #hasCheckMember()}.
 */
public interface StructOpsSubsystem {
    /** The struct's name (kernel: st_ops->name), e.g. {@code tcp_congestion_ops}. */
    String name();

    /** kernel: st_ops->init(btf), once when the descriptor is registered; an errno refuses the descriptor. */
    default Optional<Errno> init(StructOpsType type) {
        return Optional.empty();
    }

    /** kernel: cfi_stubs — a non-NULL stub for this member; without one the member is unsupported (ENOTSUPP). */
    boolean hasCfiStub(OpsMember.Func member);

    /** kernel: the cfi stub's parameter {@code arg} has the {@code __nullable} suffix (the program must null-check it). */
    default boolean argNullable(OpsMember.Func member, int arg) {
        return false;
    }

    /** Whether the subsystem has a check_member callback. */
    default boolean hasCheckMember() {
        return false;
    }

    /** kernel: st_ops->check_member(t, member, prog) at program load; an errno rejects the program. */
    default Optional<Errno> checkMember(StructOpsType type, OpsMember.Func member, ProgAttrs prog) {
        return Optional.empty();
    }

    /**
     * kernel: st_ops->init_member(t, member, kdata, udata) during a map update; {@code kdata} and
     * {@code udata} are the struct's bytes (kernel copy being built, user's value).
     */
    InitMember initMember(StructOpsType type, OpsMember member, byte[] kdata, byte[] udata);

    /** Whether the subsystem has a validate callback. */
    default boolean hasValidate() {
        return false;
    }

    /** kernel: st_ops->validate(kdata), after every member, before READY or reg. */
    default Optional<Errno> validate(Kdata kdata) {
        return Optional.empty();
    }

    /** kernel: st_ops->reg(kdata, link); {@code link} is empty for a map without BPF_F_LINK. */
    Optional<Errno> reg(Kdata kdata, OptionalLong link);

    /** kernel: st_ops->unreg(kdata, link). */
    void unreg(Kdata kdata, OptionalLong link);

    /** Whether the subsystem has an update callback (BPF_LINK_UPDATE; without it EOPNOTSUPP). */
    default boolean hasUpdate() {
        return false;
    }

    /** kernel: st_ops->update(kdata, old_kdata, link). */
    default Optional<Errno> update(Kdata kdata, Kdata oldKdata, long link) {
        return Optional.of(Errno.EOPNOTSUPP);
    }

    /** kernel: verifier_ops->get_func_proto for a program implementing {@code member}. */
    FuncProto funcProto(int helperId, OpsMember.Func member);

    /** Whether BPF_PROG_TEST_RUN runs programs of this type (kernel: only bpf_dummy_ops). */
    default boolean supportsTestRun() {
        return false;
    }
}
