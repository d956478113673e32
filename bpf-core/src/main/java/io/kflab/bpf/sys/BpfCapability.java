package io.kflab.bpf.sys;

import io.kflab.bpf.diag.MissingCapabilityException;
import io.kflab.bpf.sys.CapabilityStatus.Unavailable;
import io.kflab.bpf.sys.CapabilityStatus.Why;

/** Detects whether bpf(2) is usable (kernel: the probe loads {@code r0 = 0; exit} as BPF_PROG_TYPE_SOCKET_FILTER); the result is cached. */
public final class BpfCapability {
    private BpfCapability() {}

    private static volatile CapabilityStatus cached;

    /** Available, or why not (not Linux, unknown architecture, native access denied, not root, bpf(2) failing). */
    public static CapabilityStatus check() {
        CapabilityStatus s = cached;
        if (s == null) {
            synchronized (BpfCapability.class) {
                s = cached;
                if (s == null) cached = s = probe();
            }
        }
        return s;
    }

    /** Throws {@link MissingCapabilityException} with the one-line reason unless bpf(2) is available. */
    public static void require() {
        CapabilityStatus s = check();
        if (!s.available()) throw new MissingCapabilityException(s.reason());
    }

    private static CapabilityStatus probe() {
        if (!Libc.isLinux()) {
            return new Unavailable(Why.NOT_LINUX, "bpf(2) needs Linux; this is " + System.getProperty("os.name"));
        }
        if (Libc.SYS_BPF < 0) {
            return new Unavailable(Why.UNSUPPORTED_ARCH,
                    "bpf(2) syscall number unknown for architecture " + System.getProperty("os.arch"));
        }
        int euid;
        try {
            euid = Libc.geteuid();
        } catch (IllegalCallerException e) {
            return new Unavailable(Why.NATIVE_ACCESS_DENIED,
                    "native access denied; run java with --enable-native-access=ALL-UNNAMED");
        }
        if (euid != 0) {
            return new Unavailable(Why.NOT_ROOT, "bpf(2) needs root; effective uid is " + euid);
        }
        // r0 = 0 (BPF_ALU64|BPF_MOV|BPF_K), exit (BPF_JMP|BPF_EXIT)
        byte[] insns = {(byte) 0xb7, 0, 0, 0, 0, 0, 0, 0, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0};
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, insns).logLevel(0).load()) {
            if (r.accepted()) return new CapabilityStatus.Available();
            return new Unavailable(Why.BPF_UNAVAILABLE,
                    "bpf(2) unavailable: loading a trivial socket filter failed with " + r.errno());
        }
    }
}
