package io.kflab.verifier.structops.diff;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.btf.BtfInt;
import io.kflab.bpf.btf.BtfWriter;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfException;
import io.kflab.bpf.sys.BpfFd;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapCreate;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgFd;
import io.kflab.bpf.sys.ProgLoad;
import io.kflab.bpf.sys.ProgTestRun;
import io.kflab.bpf.sys.ProgType;
import io.kflab.bpf.sys.TestRunResult;
import io.kflab.verifier.structops.ProgAttrs;
import io.kflab.verifier.structops.model.MapAttrs;
import io.kflab.verifier.structops.model.ProgBody;
import io.kflab.verifier.structops.model.StructOpsSyscalls;
import io.kflab.verifier.structops.model.SysResult;
import io.kflab.verifier.structops.model.TestRunArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The struct_ops commands against the running kernel (bpf(2) through io.kflab.bpf.sys); every fd it opens is closed by {@link #close()}. */
public final class KernelSyscalls implements StructOpsSyscalls {
    /** Where the kernel lists registered congestion controls. */
    public static final Path TCP_AVAILABLE = Path.of("/proc/sys/net/ipv4/tcp_available_congestion_control");
    /** The BTF object id of vmlinux (the first BTF object the kernel registers). */
    public static final int VMLINUX_BTF_ID = 1;

    private final Map<Integer, BpfFd> fds = new LinkedHashMap<>();
    private final Assembler assembler = Assembler.builtin();

    private <T extends BpfFd> SysResult keep(Supplier<T> open) {
        try {
            T fd = open.get();
            fds.put(fd.fd(), fd);
            return SysResult.ok(fd.fd());
        } catch (BpfException e) {
            return SysResult.err(e.errno(), e.log());
        }
    }

    private static SysResult run(Runnable r) {
        try {
            r.run();
            return SysResult.ok(0);
        } catch (BpfException e) {
            return SysResult.err(e.errno(), e.log());
        }
    }

    @Override
    public SysResult progLoad(ProgAttrs attrs, ProgBody body) {
        return progLoad(attrs, assembler.assemble(body.assembly(), "struct_ops body").bytes());
    }

    /** BPF_PROG_LOAD of given instructions (8-byte slots) as a struct_ops program; the log comes back either way. */
    public SysResult progLoad(ProgAttrs attrs, byte[] insns) {
        ProgLoad load = Bpf.progLoad(ProgType.STRUCT_OPS, insns).license(attrs.license())
                .attachBtfId(attrs.attachBtfId()).expectedAttachTypeRaw(attrs.expectedAttachType())
                .progFlags(attrs.progFlags()).logSize(1 << 16, 1 << 20);
        LoadResult r = load.load();
        if (!r.accepted()) return SysResult.err(r.errno(), r.log());
        ProgFd fd = r.fdOrThrow();
        fds.put(fd.fd(), fd);
        return new SysResult(fd.fd(), null, r.log(), new byte[0]);
    }

    @Override
    public SysResult btfLoadUser() {
        return keep(() -> Bpf.btfLoad(minimalBtf()));
    }

    /** A BTF blob with one type, {@code int}: the smallest user BTF a struct_ops map accepts as btf_fd. */
    public static byte[] minimalBtf() {
        return BtfWriter.write(List.of(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32)));
    }

    @Override
    public SysResult btfKernel() {
        return keep(() -> Bpf.btfGetFdById(VMLINUX_BTF_ID));
    }

    @Override
    public SysResult mapCreate(MapAttrs a) {
        return keep(() -> {
            MapCreate c = Bpf.mapCreate(MapType.STRUCT_OPS, a.keySize(), a.valueSize(), a.maxEntries())
                    .mapFlags(a.mapFlags()).btfFd(a.btfFd()).btfVmlinuxValueTypeId(a.vmlinuxValueTypeId());
            if ((a.mapFlags() & MapAttrs.BPF_F_VTYPE_BTF_OBJ_FD) != 0) c.valueTypeBtfObjFd(a.valueTypeBtfObjFd());
            return c.create();
        });
    }

    private MapFd map(int fd) {
        if (fds.get(fd) instanceof MapFd m) return m;
        throw new IllegalArgumentException("fd " + fd + " is not a map this backend opened");
    }

    private static byte[] key(int key) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(key).array();
    }

    @Override
    public SysResult mapUpdate(int mapFd, int key, byte[] value, long flags) {
        try {
            return SysResult.ok(map(mapFd).updateElemResult(key(key), value, flags));
        } catch (BpfException e) {
            return SysResult.err(e.errno());
        }
    }

    @Override
    public SysResult mapDelete(int mapFd, int key) {
        return run(() -> map(mapFd).deleteElem(key(key)));
    }

    @Override
    public SysResult mapLookup(int mapFd, int key) {
        try {
            return SysResult.ok(0, map(mapFd).lookupElem(key(key)));
        } catch (BpfException e) {
            return SysResult.err(e.errno());
        }
    }

    @Override
    public SysResult linkCreate(int mapFd) {
        return keep(() -> Bpf.linkCreateStructOps(mapFd).create());
    }

    @Override
    public SysResult linkUpdate(int linkFd, int newMapFd, int flags, int oldMapFd) {
        return run(() -> Bpf.linkUpdateMap(linkFd, newMapFd, flags, oldMapFd));
    }

    @Override
    public SysResult linkDetach(int linkFd) {
        return run(() -> Bpf.linkDetach(linkFd));
    }

    @Override
    public SysResult testRun(int progFd, TestRunArgs args) {
        if (!(fds.get(progFd) instanceof ProgFd prog)) throw new IllegalArgumentException("fd " + progFd + " is not a program");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(4);
            if (args.state() != null) state.set(ValueLayout.JAVA_INT_UNALIGNED, 0, args.state());
            ProgTestRun run = prog.testRun();
            if (args.ctxSlots() >= 0) {
                ByteBuffer ctx = ByteBuffer.allocate(8 * args.ctxSlots()).order(ByteOrder.LITTLE_ENDIAN);
                long[] rest = args.rest();
                for (int i = 0; i < args.ctxSlots(); i++) {
                    ctx.putLong(i == 0 ? (args.state() == null ? 0 : state.address()) : i - 1 < rest.length ? rest[i - 1] : 0);
                }
                run.ctxIn(ctx.array());
            }
            TestRunResult r = run.run();
            byte[] out = args.state() == null ? new byte[0] : state.toArray(ValueLayout.JAVA_BYTE);
            return SysResult.ok(r.retval(), out);
        } catch (BpfException e) {
            return SysResult.err(e.errno());
        }
    }

    @Override
    public void close(int fd) {
        BpfFd f = fds.remove(fd);
        if (f != null) f.close();
    }

    @Override
    public List<String> tcpAvailable() {
        try {
            return Arrays.asList(Files.readString(TCP_AVAILABLE).strip().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Integer fd : new ArrayList<>(fds.keySet())) close(fd);
    }
}
