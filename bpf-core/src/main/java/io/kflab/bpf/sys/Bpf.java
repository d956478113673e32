package io.kflab.bpf.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Entry points to the bpf(2) system call (kernel: kernel/bpf/syscall.c, the bpf() syscall);
 * the command builders ({@link ProgLoad}, {@link ProgTestRun}, {@link MapCreate},
 * {@link LinkCreate}) and the fd classes call through here.
 */
public final class Bpf {
    private Bpf() {}

    /** Starts a BPF_PROG_LOAD of wire-format instructions (8-byte little-endian slots). */
    public static ProgLoad progLoad(ProgType type, byte[] insns) {
        return new ProgLoad(type, insns);
    }

    /** Starts a BPF_MAP_CREATE. */
    public static MapCreate mapCreate(MapType type, int keySize, int valueSize, int maxEntries) {
        return new MapCreate(type, keySize, valueSize, maxEntries);
    }

    /** Starts a BPF_LINK_CREATE attaching a program. */
    public static LinkCreate linkCreate(ProgFd prog, AttachType attachType) {
        return new LinkCreate(prog.fd(), attachType);
    }

    /** Starts a BPF_LINK_CREATE registering a struct_ops map made with BPF_F_LINK (attach type BPF_STRUCT_OPS). */
    public static LinkCreate linkCreateStructOps(MapFd structOpsMap) {
        return new LinkCreate(structOpsMap.fd(), AttachType.STRUCT_OPS);
    }

    /**
     * Starts a BPF_LINK_CREATE with attach type BPF_STRUCT_OPS for a raw descriptor number (which
     * the kernel checks: not a map, not a BPF_F_LINK map, not READY).
     */
    public static LinkCreate linkCreateStructOps(int mapFd) {
        return new LinkCreate(mapFd, AttachType.STRUCT_OPS);
    }

    /**
     * BPF_LINK_UPDATE with raw descriptor numbers: for a struct_ops link {@code newFd}/{@code oldFd}
     * are maps (kernel: new_map_fd/old_map_fd share the prog-fd slots). Failures throw {@link BpfException}.
     */
    public static void linkUpdateMap(int linkFd, int newFd, int flags, int oldFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfAttr.LINK_UPDATE);
            LinkAttr.LINK_FD.set(attr, linkFd);
            LinkAttr.NEW_FD.set(attr, newFd);
            LinkAttr.FLAGS.set(attr, flags);
            LinkAttr.OLD_FD.set(attr, oldFd);
            call(arena, BpfCmd.BPF_LINK_UPDATE, attr, BpfAttr.LINK_UPDATE);
        }
    }

    /** BPF_LINK_DETACH of a raw descriptor number; failures throw {@link BpfException}. */
    public static void linkDetach(int linkFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfAttr.LINK_DETACH);
            LinkAttr.DETACH_FD.set(attr, linkFd);
            call(arena, BpfCmd.BPF_LINK_DETACH, attr, BpfAttr.LINK_DETACH);
        }
    }

    /** BPF_BTF_LOAD without a log. */
    public static BtfFd btfLoad(byte[] blob) {
        return btfLoad(blob, 0);
    }

    /**
     * BPF_BTF_LOAD: loads a raw BTF blob (header, types, strings). With {@code logLevel} > 0 the
     * kernel's log goes into {@link BpfException#log()} on failure.
     */
    public static BtfFd btfLoad(byte[] blob, int logLevel) {
        int logSize = logLevel > 0 ? 1 << 20 : 0;
        while (true) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment attr = arena.allocate(BpfAttr.BTF_LOAD);
                MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, blob);
                BtfAttr.BTF.set(attr, data.address());
                BtfAttr.BTF_SIZE.set(attr, blob.length);
                MemorySegment log = MemorySegment.NULL;
                if (logSize > 0) {
                    log = arena.allocate(logSize);
                    BtfAttr.LOG_BUF.set(attr, log.address());
                    BtfAttr.LOG_SIZE.set(attr, logSize);
                    BtfAttr.LOG_LEVEL.set(attr, logLevel);
                }
                long r = Libc.bpf(arena, BpfCmd.BPF_BTF_LOAD, attr, BpfAttr.BTF_LOAD.byteSize());
                if (r >= 0) return new BtfFd((int) r);
                Errno errno = Errno.of((int) -r);
                int trueSize = (int) BtfAttr.LOG_TRUE_SIZE.get(attr);
                if (errno.equals(Errno.ENOSPC) && logSize > 0 && trueSize > logSize && trueSize <= ProgLoad.MAX_LOG_SIZE) {
                    logSize = trueSize;
                    continue;
                }
                String text = logSize > 0 ? log.getString(0) : "";
                throw new BpfException(BpfCmd.BPF_BTF_LOAD, errno, text);
            }
        }
    }

    /** BPF_BTF_GET_FD_BY_ID: a new fd for a BTF object the kernel knows by id (e.g. a module's BTF). */
    public static BtfFd btfGetFdById(int id) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BpfAttr.GET_ID);
            GetIdAttr.START_ID.set(attr, id);
            return new BtfFd(fdCall(arena, BpfCmd.BPF_BTF_GET_FD_BY_ID, attr, BpfAttr.GET_ID));
        }
    }

    /** Runs a command whose result is a new fd; failures throw {@link BpfException}. */
    static int fdCall(Arena arena, BpfCmd cmd, MemorySegment attr, StructLayout layout) {
        return (int) call(arena, cmd, attr, layout);
    }

    /** Runs a command; failures throw {@link BpfException}. */
    static long call(Arena arena, BpfCmd cmd, MemorySegment attr, StructLayout layout) {
        long r = Libc.bpf(arena, cmd, attr, layout.byteSize());
        if (r < 0) throw new BpfException(cmd, Errno.of((int) -r));
        return r;
    }

    /** BPF_OBJ_GET_INFO_BY_FD into a zeroed buffer of the layout's size; returns that buffer. */
    static MemorySegment objGetInfo(Arena arena, int fd, StructLayout infoLayout, MemorySegment info) {
        MemorySegment attr = arena.allocate(BpfAttr.OBJ_GET_INFO);
        InfoAttr.BPF_FD.set(attr, fd);
        InfoAttr.INFO_LEN.set(attr, (int) infoLayout.byteSize());
        InfoAttr.INFO.set(attr, info.address());
        call(arena, BpfCmd.BPF_OBJ_GET_INFO_BY_FD, attr, BpfAttr.OBJ_GET_INFO);
        return info;
    }

    private static final class BtfAttr {
        static final VarHandle BTF = BpfAttr.h(BpfAttr.BTF_LOAD, "btf");
        static final VarHandle LOG_BUF = BpfAttr.h(BpfAttr.BTF_LOAD, "btf_log_buf");
        static final VarHandle BTF_SIZE = BpfAttr.h(BpfAttr.BTF_LOAD, "btf_size");
        static final VarHandle LOG_SIZE = BpfAttr.h(BpfAttr.BTF_LOAD, "btf_log_size");
        static final VarHandle LOG_LEVEL = BpfAttr.h(BpfAttr.BTF_LOAD, "btf_log_level");
        static final VarHandle LOG_TRUE_SIZE = BpfAttr.h(BpfAttr.BTF_LOAD, "btf_log_true_size");
    }

    private static final class LinkAttr {
        static final VarHandle LINK_FD = BpfAttr.h(BpfAttr.LINK_UPDATE, "link_fd");
        static final VarHandle NEW_FD = BpfAttr.h(BpfAttr.LINK_UPDATE, "new_prog_fd");
        static final VarHandle FLAGS = BpfAttr.h(BpfAttr.LINK_UPDATE, "flags");
        static final VarHandle OLD_FD = BpfAttr.h(BpfAttr.LINK_UPDATE, "old_prog_fd");
        static final VarHandle DETACH_FD = BpfAttr.h(BpfAttr.LINK_DETACH, "link_fd");
    }

    private static final class GetIdAttr {
        static final VarHandle START_ID = BpfAttr.h(BpfAttr.GET_ID, "start_id");
    }

    private static final class InfoAttr {
        static final VarHandle BPF_FD = BpfAttr.h(BpfAttr.OBJ_GET_INFO, "bpf_fd");
        static final VarHandle INFO_LEN = BpfAttr.h(BpfAttr.OBJ_GET_INFO, "info_len");
        static final VarHandle INFO = BpfAttr.h(BpfAttr.OBJ_GET_INFO, "info");
    }
}
