package io.kflab.bpf.sys;

import io.kflab.bpf.diag.MissingCapabilityException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * Downcalls into the C library: {@code syscall(2)} for bpf(2), {@code close(2)} and
 * {@code geteuid(2)}; errno is captured right after each call.
 */
final class Libc {
    private Libc() {}

    /** The bpf(2) system call number of this architecture, or -1 when kflab doesn't know it. */
    static final long SYS_BPF = bpfSyscallNumber(System.getProperty("os.arch", ""));

    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** Holder idiom: linking happens on first use, so that {@link BpfCapability} can refuse first. */
    private static final class Handles {
        static final MethodHandle SYSCALL;
        static final MethodHandle CLOSE;
        static final MethodHandle GETEUID;

        static {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            Linker.Option errno = Linker.Option.captureCallState("errno");
            SYSCALL = linker.downcallHandle(
                    libc.find("syscall").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                    Linker.Option.firstVariadicArg(1), errno);
            CLOSE = linker.downcallHandle(
                    libc.find("close").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), errno);
            GETEUID = linker.downcallHandle(
                    libc.find("geteuid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
        }
    }

    static long bpfSyscallNumber(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> 321;
            case "aarch64", "arm64" -> 280;
            default -> -1;
        };
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    private static void requireSupported() {
        if (!isLinux()) {
            throw new MissingCapabilityException("bpf(2) needs Linux; this is " + System.getProperty("os.name"));
        }
        if (SYS_BPF < 0) {
            throw new MissingCapabilityException(
                    "bpf(2) syscall number unknown for architecture " + System.getProperty("os.arch"));
        }
    }

    /**
     * bpf(cmd, attr, size): the non-negative result, or minus the errno. The capture segment for
     * errno is allocated in {@code arena}.
     */
    static long bpf(Arena arena, BpfCmd cmd, MemorySegment attr, long size) {
        requireSupported();
        MemorySegment state = arena.allocate(CAPTURE);
        long r;
        try {
            r = (long) Handles.SYSCALL.invokeExact(state, SYS_BPF, (long) cmd.value(), attr, size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return r < 0 ? -(int) ERRNO.get(state, 0L) : r;
    }

    /** close(fd): 0, or minus the errno. */
    static int close(int fd) {
        requireSupported();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int r = (int) Handles.CLOSE.invokeExact(state, fd);
            return r < 0 ? -(int) ERRNO.get(state, 0L) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** geteuid(). */
    static int geteuid() {
        requireSupported();
        try {
            return (int) Handles.GETEUID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
