package io.kflab.bpf.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BPF_PROG_LOAD command (kernel: union bpf_attr, prog-load block): a builder whose
 * {@link #load()} returns the verifier's verdict as a {@link LoadResult}.
 */
public final class ProgLoad {
    /** Flag for prog_flags (kernel: BPF_F_STRICT_ALIGNMENT). */
    public static final int BPF_F_STRICT_ALIGNMENT = 1;
    /** Flag for prog_flags (kernel: BPF_F_ANY_ALIGNMENT). */
    public static final int BPF_F_ANY_ALIGNMENT = 1 << 1;
    /** Flag for prog_flags (kernel: BPF_F_TEST_RND_HI32). */
    public static final int BPF_F_TEST_RND_HI32 = 1 << 2;
    /** Flag for prog_flags (kernel: BPF_F_TEST_STATE_FREQ). */
    public static final int BPF_F_TEST_STATE_FREQ = 1 << 3;
    /** Flag for prog_flags (kernel: BPF_F_SLEEPABLE). */
    public static final int BPF_F_SLEEPABLE = 1 << 4;
    /** Flag for prog_flags (kernel: BPF_F_XDP_HAS_FRAGS). */
    public static final int BPF_F_XDP_HAS_FRAGS = 1 << 5;
    /** Flag for prog_flags (kernel: BPF_F_XDP_DEV_BOUND_ONLY). */
    public static final int BPF_F_XDP_DEV_BOUND_ONLY = 1 << 6;
    /** Flag for prog_flags (kernel: BPF_F_TEST_REG_INVARIANTS). */
    public static final int BPF_F_TEST_REG_INVARIANTS = 1 << 7;

    /** First log buffer size when logging. */
    public static final int DEFAULT_LOG_SIZE = 16 << 20;
    /** Largest log buffer the kernel accepts (kernel: UINT_MAX >> 2), also the retry cap. */
    public static final int MAX_LOG_SIZE = (int) (0xFFFF_FFFFL >> 2);

    private static final Pattern PROCESSED = Pattern.compile("processed (\\d+) insns");
    private static final ThreadLocal<MemorySegment> LOG_BUFFER = new ThreadLocal<>();

    private final ProgType progType;
    private final byte[] insns;
    private String license = "GPL";
    private int logLevel = 1;
    private int logSize = DEFAULT_LOG_SIZE;
    private int maxLogSize = 256 << 20;
    private int expectedAttachType;
    private int attachBtfId;
    private int attachFd;
    private int progFlags;
    private int[] fdArray;
    private boolean passFdArrayCnt;
    private String progName;
    private int kernVersion;
    private int progIfindex;
    private int progBtfFd;
    private byte[] funcInfo;
    private int funcInfoRecSize;
    private byte[] lineInfo;
    private int lineInfoRecSize;

    ProgLoad(ProgType progType, byte[] insns) {
        if (insns.length % 8 != 0) {
            throw new IllegalArgumentException("instructions are 8-byte slots; got " + insns.length + " bytes");
        }
        this.progType = progType;
        this.insns = insns.clone();
    }

    /** License string (default {@code GPL}). */
    public ProgLoad license(String license) {
        this.license = license;
        return this;
    }

    /** Verifier log level: 0 none, 1 (default), 2 verbose, | 4 stats. */
    public ProgLoad logLevel(int logLevel) {
        this.logLevel = logLevel;
        return this;
    }

    /** First log buffer size (default 16 MiB) and the cap for retries on ENOSPC (default 256 MiB). */
    public ProgLoad logSize(int first, int cap) {
        if (first <= 0 || cap < first || cap > MAX_LOG_SIZE) throw new IllegalArgumentException("log size " + first + ", cap " + cap);
        this.logSize = first;
        this.maxLogSize = cap;
        return this;
    }

    /** expected_attach_type. */
    public ProgLoad expectedAttachType(AttachType type) {
        this.expectedAttachType = type.value();
        return this;
    }

    /** The raw expected_attach_type: for struct_ops programs, the index of the member they implement. */
    public ProgLoad expectedAttachTypeRaw(int value) {
        this.expectedAttachType = value;
        return this;
    }

    /** attach_btf_id: BTF type id of the attach target (fentry, lsm, struct_ops, ...). */
    public ProgLoad attachBtfId(int id) {
        this.attachBtfId = id;
        return this;
    }

    /** attach_btf_obj_fd: the BTF object holding attach_btf_id (0 = vmlinux). */
    public ProgLoad attachBtfObjFd(int fd) {
        this.attachFd = fd;
        return this;
    }

    /** attach_prog_fd: the target program for freplace / fentry on a BPF program. */
    public ProgLoad attachProgFd(int fd) {
        this.attachFd = fd;
        return this;
    }

    /** prog_flags, e.g. {@link #BPF_F_SLEEPABLE}. */
    public ProgLoad progFlags(int flags) {
        this.progFlags = flags;
        return this;
    }

    /** fd_array: fds that instructions refer to by index; with {@code passCount} also fd_array_cnt. */
    public ProgLoad fdArray(int[] fds, boolean passCount) {
        this.fdArray = fds.clone();
        this.passFdArrayCnt = passCount;
        return this;
    }

    /** prog_name (at most 15 bytes are kept). */
    public ProgLoad progName(String name) {
        this.progName = name;
        return this;
    }

    /** kern_version (checked by old kernels for kprobes). */
    public ProgLoad kernVersion(int version) {
        this.kernVersion = version;
        return this;
    }

    /** prog_ifindex, for device-bound (offloaded) programs. */
    public ProgLoad progIfindex(int ifindex) {
        this.progIfindex = ifindex;
        return this;
    }

    /** prog_btf_fd plus func_info records (struct bpf_func_info, {@code recSize} bytes each). */
    public ProgLoad funcInfo(BtfFd btf, byte[] records, int recSize) {
        this.progBtfFd = btf.fd();
        this.funcInfo = records.clone();
        this.funcInfoRecSize = recSize;
        return this;
    }

    /** line_info records (struct bpf_line_info, {@code recSize} bytes each); needs {@link #funcInfo}. */
    public ProgLoad lineInfo(byte[] records, int recSize) {
        this.lineInfo = records.clone();
        this.lineInfoRecSize = recSize;
        return this;
    }

    /** Loads the program: the verdict, never an exception for a rejection. */
    public LoadResult load() {
        int size = logLevel > 0 ? logSize : 0;
        while (true) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment log = size > 0 ? logBuffer(size) : MemorySegment.NULL;
                MemorySegment attr = fill(arena, log, size);
                long r = Libc.bpf(arena, BpfCmd.BPF_PROG_LOAD, attr, BpfAttr.PROG_LOAD.byteSize());
                int trueSize = (int) A.LOG_TRUE_SIZE.get(attr);
                String text = size > 0 ? log.getString(0) : "";
                if (r >= 0) {
                    return new LoadResult(true, null, text, Optional.of(new ProgFd((int) r)), processed(text), trueSize);
                }
                Errno errno = Errno.of((int) -r);
                if (errno.equals(Errno.ENOSPC) && size > 0 && size < maxLogSize) {
                    long next = trueSize > size ? trueSize : (long) size * 2;
                    size = (int) Math.min(next, maxLogSize);
                    continue;
                }
                return new LoadResult(false, errno, text, Optional.empty(), processed(text), trueSize);
            }
        }
    }

    private MemorySegment fill(Arena arena, MemorySegment log, int size) {
        MemorySegment attr = arena.allocate(BpfAttr.PROG_LOAD);
        A.PROG_TYPE.set(attr, progType.value());
        A.INSN_CNT.set(attr, insns.length / 8);
        A.INSNS.set(attr, arena.allocateFrom(ValueLayout.JAVA_BYTE, insns).address());
        A.LICENSE.set(attr, arena.allocateFrom(license, StandardCharsets.US_ASCII).address());
        if (size > 0) {
            log.set(ValueLayout.JAVA_BYTE, 0, (byte) 0);
            A.LOG_LEVEL.set(attr, logLevel);
            A.LOG_SIZE.set(attr, size);
            A.LOG_BUF.set(attr, log.address());
        }
        A.KERN_VERSION.set(attr, kernVersion);
        A.PROG_FLAGS.set(attr, progFlags);
        BpfAttr.putName(attr, BpfAttr.PROG_LOAD, "prog_name", progName);
        A.PROG_IFINDEX.set(attr, progIfindex);
        A.EXPECTED_ATTACH_TYPE.set(attr, expectedAttachType);
        A.PROG_BTF_FD.set(attr, progBtfFd);
        if (funcInfo != null) {
            A.FUNC_INFO_REC_SIZE.set(attr, funcInfoRecSize);
            A.FUNC_INFO.set(attr, arena.allocateFrom(ValueLayout.JAVA_BYTE, funcInfo).address());
            A.FUNC_INFO_CNT.set(attr, funcInfo.length / funcInfoRecSize);
        }
        if (lineInfo != null) {
            A.LINE_INFO_REC_SIZE.set(attr, lineInfoRecSize);
            A.LINE_INFO.set(attr, arena.allocateFrom(ValueLayout.JAVA_BYTE, lineInfo).address());
            A.LINE_INFO_CNT.set(attr, lineInfo.length / lineInfoRecSize);
        }
        A.ATTACH_BTF_ID.set(attr, attachBtfId);
        A.ATTACH_PROG_FD.set(attr, attachFd);
        if (fdArray != null) {
            A.FD_ARRAY.set(attr, arena.allocateFrom(ValueLayout.JAVA_INT, fdArray).address());
            if (passFdArrayCnt) A.FD_ARRAY_CNT.set(attr, fdArray.length);
        }
        return attr;
    }

    /** A per-thread log buffer, reused across loads so that big logs don't cost an allocation each time. */
    private static MemorySegment logBuffer(int size) {
        MemorySegment buf = LOG_BUFFER.get();
        if (buf == null || buf.byteSize() != size) {
            buf = Arena.ofAuto().allocate(size);
            if (size == DEFAULT_LOG_SIZE) LOG_BUFFER.set(buf);
        }
        return buf;
    }

    static int processed(String log) {
        Matcher m = PROCESSED.matcher(log);
        int n = -1;
        while (m.find()) n = Integer.parseInt(m.group(1));
        return n;
    }

    private static final class A {
        static final VarHandle PROG_TYPE = h("prog_type");
        static final VarHandle INSN_CNT = h("insn_cnt");
        static final VarHandle INSNS = h("insns");
        static final VarHandle LICENSE = h("license");
        static final VarHandle LOG_LEVEL = h("log_level");
        static final VarHandle LOG_SIZE = h("log_size");
        static final VarHandle LOG_BUF = h("log_buf");
        static final VarHandle KERN_VERSION = h("kern_version");
        static final VarHandle PROG_FLAGS = h("prog_flags");
        static final VarHandle PROG_IFINDEX = h("prog_ifindex");
        static final VarHandle EXPECTED_ATTACH_TYPE = h("expected_attach_type");
        static final VarHandle PROG_BTF_FD = h("prog_btf_fd");
        static final VarHandle FUNC_INFO_REC_SIZE = h("func_info_rec_size");
        static final VarHandle FUNC_INFO = h("func_info");
        static final VarHandle FUNC_INFO_CNT = h("func_info_cnt");
        static final VarHandle LINE_INFO_REC_SIZE = h("line_info_rec_size");
        static final VarHandle LINE_INFO = h("line_info");
        static final VarHandle LINE_INFO_CNT = h("line_info_cnt");
        static final VarHandle ATTACH_BTF_ID = h("attach_btf_id");
        static final VarHandle ATTACH_PROG_FD = h("attach_prog_fd");
        static final VarHandle FD_ARRAY = h("fd_array");
        static final VarHandle LOG_TRUE_SIZE = h("log_true_size");
        static final VarHandle FD_ARRAY_CNT = h("fd_array_cnt");

        private static VarHandle h(String f) {
            return BpfAttr.h(BpfAttr.PROG_LOAD, f);
        }
    }
}
