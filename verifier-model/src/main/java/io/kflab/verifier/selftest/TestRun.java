package io.kflab.verifier.selftest;

/** One BPF_PROG_TEST_RUN of a selftest (kernel: test_verifier's retvals[i], test_loader's __retval): packet data in and the expected R0. */
public record TestRun(byte[] data, long retval) {
    /** test_loader's and test_verifier's input size (kernel: TEST_DATA_LEN). */
    public static final int TEST_DATA_LEN = 64;
    /** An expected retval meaning "any value" (kernel: POINTER_VALUE). */
    public static final long POINTER_VALUE = 0xcafe4aL;

    public TestRun {
        data = data.clone();
    }

    public static TestRun zeros(long retval) {
        return new TestRun(new byte[TEST_DATA_LEN], retval);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Whether R0 as BPF_PROG_TEST_RUN reports it (32 bits) is what the test expects. */
    public boolean matches(int actual) {
        return retval == POINTER_VALUE || (int) retval == actual;
    }
}
