package io.kflab.verifier.structops.model;

/**
 * A BPF_PROG_TEST_RUN of a bpf_dummy_ops program: the ctx is an array of u64 arguments whose first is
 * a pointer to a {@code struct bpf_dummy_ops_state}.
 *
 * @param state the state's {@code val} (null: a NULL pointer in args[0])
 * @param rest the other arguments (args[1..])
 * @param ctxSlots how many u64 slots ctx_in has (ctx_size_in = 8 × this; -1: no ctx at all)
 */
public record TestRunArgs(Integer state, long[] rest, int ctxSlots) {
    public TestRunArgs {
        rest = rest.clone();
    }

    @Override
    public long[] rest() {
        return rest.clone();
    }
}
