package io.kflab.bpf.sys;

/** Whether this process can use bpf(2) (kernel: the checks bpf(2) makes: capabilities, sysctls), and if not, why. */
public sealed interface CapabilityStatus {
    /** True when bpf(2) works here. */
    boolean available();

    /** A one-line reason; "bpf(2) available" when it is. */
    String reason();

    /** bpf(2) works: a trivial socket filter loaded. */
    record Available() implements CapabilityStatus {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String reason() {
            return "bpf(2) available";
        }
    }

    /** bpf(2) can't be used, for {@code why}, detailed in {@code reason}. */
    record Unavailable(Why why, String reason) implements CapabilityStatus {
        @Override
        public boolean available() {
            return false;
        }
    }

    /** Kinds of unavailability. */
    enum Why {
        NOT_LINUX, UNSUPPORTED_ARCH, NATIVE_ACCESS_DENIED, NOT_ROOT, BPF_UNAVAILABLE
    }
}
