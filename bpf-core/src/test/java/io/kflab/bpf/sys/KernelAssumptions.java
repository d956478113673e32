package io.kflab.bpf.sys;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Test helper shared through bpf-core's test-jar: skips kernel tests, with the reason, when bpf(2) is unavailable. */
public final class KernelAssumptions {
    private KernelAssumptions() {}

    /** Skips the calling test unless bpf(2) works here; the skip message says why. */
    public static void assumeBpf() {
        CapabilityStatus s = BpfCapability.check();
        assumeTrue(s.available(), "bpf(2) unavailable: " + s.reason());
    }
}
