package io.kflab.verifier.structops;

import io.kflab.bpf.sys.Errno;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The bpf_dummy_ops descriptor (kernel: bpf_bpf_dummy_ops in net/bpf/bpf_dummy_struct_ops.c), a
 * test-only type: programs load and run with BPF_PROG_TEST_RUN, but it can never be registered.
 */
public final class BpfDummyOps implements StructOpsSubsystem {
    /** The struct's name. */
    public static final String NAME = "bpf_dummy_ops";

    private static final Set<String> STUBS = Set.of("test_1", "test_2", "test_sleepable");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean hasCfiStub(OpsMember.Func member) {
        return STUBS.contains(member.name());
    }

    /** The test_1 stub names its state argument {@code cb__nullable}. */
    @Override
    public boolean argNullable(OpsMember.Func member, int arg) {
        return member.name().equals("test_1") && arg == 0;
    }

    @Override
    public boolean hasCheckMember() {
        return true;
    }

    /** kernel: bpf_dummy_ops_check_member — only test_sleepable may be sleepable. */
    @Override
    public Optional<Errno> checkMember(StructOpsType type, OpsMember.Func member, ProgAttrs prog) {
        return prog.sleepable() && !member.name().equals("test_sleepable") ? Optional.of(Errno.EINVAL) : Optional.empty();
    }

    /** kernel: bpf_dummy_init_member — always EOPNOTSUPP, so no update of a bpf_dummy_ops map succeeds. */
    @Override
    public InitMember initMember(StructOpsType type, OpsMember member, byte[] kdata, byte[] udata) {
        return new InitMember.Failed(Errno.EOPNOTSUPP);
    }

    @Override
    public Optional<Errno> reg(Kdata kdata, OptionalLong link) {
        return Optional.of(Errno.EOPNOTSUPP);
    }

    @Override
    public void unreg(Kdata kdata, OptionalLong link) {}

    /** No get_func_proto: every helper is refused. */
    @Override
    public FuncProto funcProto(int helperId, OpsMember.Func member) {
        return FuncProto.UNAVAILABLE;
    }

    @Override
    public boolean supportsTestRun() {
        return true;
    }
}
