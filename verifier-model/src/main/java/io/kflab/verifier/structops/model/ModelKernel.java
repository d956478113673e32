package io.kflab.verifier.structops.model;

import io.kflab.bpf.sys.Errno;
import io.kflab.verifier.structops.LoadCheck;
import io.kflab.verifier.structops.OpsMember;
import io.kflab.verifier.structops.ProgAttrs;
import io.kflab.verifier.structops.StructOpsCatalog;
import io.kflab.verifier.structops.StructOpsLoadCheck;
import io.kflab.verifier.structops.StructOpsState;
import io.kflab.verifier.structops.TcpCongestionOps;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A deterministic model of the kernel's struct_ops lifecycle: an fd table and the bpf(2) commands of
 * {@link StructOpsSyscalls} (kernel: kernel/bpf/bpf_struct_ops.c and the syscall.c paths leading there),
 * with the subsystems of a {@link StructOpsCatalog}. Not thread-safe.
 */
public final class ModelKernel implements StructOpsSyscalls {
    /** The first fd the model hands out (fd numbers differ from the kernel's; scenarios never compare them). */
    public static final int FIRST_FD = 100;

    private final StructOpsCatalog catalog;
    private final Map<Integer, Object> fds = new HashMap<>();
    private int nextFd = FIRST_FD;
    private int nextId = 1;

    public ModelKernel(StructOpsCatalog catalog) {
        this.catalog = catalog;
    }

    /** The catalog (with the subsystems' state). */
    public StructOpsCatalog catalog() {
        return catalog;
    }

    private int install(Object o) {
        int fd = nextFd++;
        fds.put(fd, o);
        return fd;
    }

    /** kernel: fdget + the object's f_op check — the object, or EBADF / EINVAL. */
    private <T> Object get(int fd, Class<T> cls) {
        Object o = fds.get(fd);
        if (o == null) return Errno.EBADF;
        return cls.isInstance(o) ? o : Errno.EINVAL;
    }

    @Override
    public SysResult progLoad(ProgAttrs attrs, ProgBody body) {
        LoadCheck c = StructOpsLoadCheck.check(catalog, attrs);
        if (c instanceof LoadCheck.Rejected r) return SysResult.err(r.errno(), r.log());
        LoadCheck.Accepted a = (LoadCheck.Accepted) c;
        OpsMember.Func f = a.member();
        switch (body) {
            case ProgBody.VoidExit v when f.returnsValue() -> {
                return SysResult.err(Errno.EACCES, "R0 !read_ok");
            }
            case ProgBody.CallHelper h -> {
                Optional<LoadCheck.Rejected> r = StructOpsLoadCheck.helperCall(a, h.id(), h.name());
                if (r.isPresent()) return SysResult.err(r.get().errno(), r.get().log());
            }
            default -> { }
        }
        return SysResult.ok(install(new ModelProg(nextId++, attrs, a, body)));
    }

    @Override
    public SysResult btfLoadUser() {
        return SysResult.ok(install(new ModelBtf(false)));
    }

    @Override
    public SysResult btfKernel() {
        return SysResult.ok(install(new ModelBtf(true)));
    }

    /** kernel: map_create → bpf_struct_ops_map_alloc_check → bpf_struct_ops_map_alloc → the btf_fd checks. */
    @Override
    public SysResult mapCreate(MapAttrs a) {
        if (a.keySize() != 4 || a.maxEntries() != 1
                || (a.mapFlags() & ~(MapAttrs.BPF_F_LINK | MapAttrs.BPF_F_VTYPE_BTF_OBJ_FD)) != 0
                || a.vmlinuxValueTypeId() == 0) {
            return SysResult.err(Errno.EINVAL);
        }
        if ((a.mapFlags() & MapAttrs.BPF_F_VTYPE_BTF_OBJ_FD) != 0) {
            Object b = get(a.valueTypeBtfObjFd(), ModelBtf.class);
            if (b instanceof Errno e) return SysResult.err(e);
            return SysResult.err(Errno.EINVAL); // not a module BTF: the model has no modules
        }
        Optional<StructOpsCatalog.Entry> e = catalog.byValueTypeId(a.vmlinuxValueTypeId());
        if (e.isEmpty()) return SysResult.err(Errno.ENOTSUPP);
        if (a.valueSize() != e.get().type().valueSize()) return SysResult.err(Errno.EINVAL);
        Object b = get(a.btfFd(), ModelBtf.class);
        if (b instanceof Errno err) return SysResult.err(err);
        if (((ModelBtf) b).kernel()) return SysResult.err(Errno.EACCES);
        return SysResult.ok(install(new ModelMap(nextId++, e.get(), a.mapFlags())));
    }

    @Override
    public SysResult mapUpdate(int mapFd, int key, byte[] value, long flags) {
        Object m = get(mapFd, ModelMap.class);
        if (m instanceof Errno e) return SysResult.err(e);
        return MapUpdate.update((ModelMap) m, key, value, flags, fd -> {
            Object p = get(fd, ModelProg.class);
            return p;
        });
    }

    /** kernel: bpf_struct_ops_map_delete_elem (the key is not looked at). */
    @Override
    public SysResult mapDelete(int mapFd, int key) {
        Object o = get(mapFd, ModelMap.class);
        if (o instanceof Errno e) return SysResult.err(e);
        ModelMap m = (ModelMap) o;
        if (m.linkFlag()) return SysResult.err(Errno.EOPNOTSUPP);
        return switch (m.state) {
            case INUSE -> {
                m.entry.subsystem().unreg(m.kdata, OptionalLong.empty());
                m.state = StructOpsState.TOBEFREE;
                yield SysResult.ok(0);
            }
            case TOBEFREE -> SysResult.err(Errno.EINPROGRESS);
            default -> SysResult.err(Errno.ENOENT);
        };
    }

    /** kernel: bpf_struct_ops_map_sys_lookup_elem — program ids in function slots, state and an estimated refcnt. */
    @Override
    public SysResult mapLookup(int mapFd, int key) {
        Object o = get(mapFd, ModelMap.class);
        if (o instanceof Errno e) return SysResult.err(e);
        ModelMap m = (ModelMap) o;
        if (key != 0) return SysResult.err(Errno.ENOENT);
        if (m.state == StructOpsState.INIT) return SysResult.ok(0, new byte[m.entry.type().valueSize()]);
        byte[] v = m.uvalue.clone();
        long links = fds.values().stream().filter(x -> x instanceof ModelLink l && l.map == m).count();
        int refs = (int) links + (m.state == StructOpsState.INUSE ? 1 : 0);
        ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).putInt(0, refs).putInt(4, m.state.value());
        return SysResult.ok(0, v);
    }

    /** kernel: bpf_struct_ops_link_create. */
    @Override
    public SysResult linkCreate(int mapFd) {
        Object o = get(mapFd, ModelMap.class);
        if (o instanceof Errno e) return SysResult.err(e);
        ModelMap m = (ModelMap) o;
        if (!validToReg(m)) return SysResult.err(Errno.EINVAL);
        ModelLink link = new ModelLink(nextId++, null);
        Optional<Errno> err = m.entry.subsystem().reg(m.kdata, OptionalLong.of(link.id));
        if (err.isPresent()) return SysResult.err(err.get());
        link.map = m;
        return SysResult.ok(install(link));
    }

    /** kernel: bpf_struct_ops_valid_to_reg. */
    private static boolean validToReg(ModelMap m) {
        return m.linkFlag() && m.state == StructOpsState.READY;
    }

    /** kernel: link_update → link_update_map → bpf_struct_ops_map_link_update. */
    @Override
    public SysResult linkUpdate(int linkFd, int newMapFd, int flags, int oldMapFd) {
        if ((flags & ~LINK_F_REPLACE) != 0) return SysResult.err(Errno.EINVAL);
        Object l = get(linkFd, ModelLink.class);
        if (l instanceof Errno e) return SysResult.err(e);
        Object n = get(newMapFd, ModelMap.class);
        if (n instanceof Errno e) return SysResult.err(e);
        ModelMap expected = null;
        if ((flags & LINK_F_REPLACE) != 0) {
            Object x = get(oldMapFd, ModelMap.class);
            if (x instanceof Errno e) return SysResult.err(e);
            expected = (ModelMap) x;
        } else if (oldMapFd != 0) {
            return SysResult.err(Errno.EINVAL);
        }
        ModelLink link = (ModelLink) l;
        ModelMap nm = (ModelMap) n;
        if (!validToReg(nm)) return SysResult.err(Errno.EINVAL);
        if (!nm.entry.subsystem().hasUpdate()) return SysResult.err(Errno.EOPNOTSUPP);
        if (link.map == null) return SysResult.err(Errno.ENOLINK);
        if (expected != null && link.map != expected) return SysResult.err(Errno.EPERM);
        if (nm.entry != link.map.entry) return SysResult.err(Errno.EINVAL);
        Optional<Errno> err = nm.entry.subsystem().update(nm.kdata, link.map.kdata, link.id);
        if (err.isPresent()) return SysResult.err(err.get());
        link.map = nm;
        return SysResult.ok(0);
    }

    /** LINK_UPDATE flag (kernel: BPF_F_REPLACE). */
    public static final int LINK_F_REPLACE = 1 << 2;

    /** kernel: link_detach → bpf_struct_ops_map_link_detach (detaching twice is fine). */
    @Override
    public SysResult linkDetach(int linkFd) {
        Object l = get(linkFd, ModelLink.class);
        if (l instanceof Errno e) return SysResult.err(e);
        detach((ModelLink) l);
        return SysResult.ok(0);
    }

    private static void detach(ModelLink link) {
        if (link.map == null) return;
        link.map.entry.subsystem().unreg(link.map.kdata, OptionalLong.of(link.id));
        link.map = null;
    }

    /** kernel: bpf_prog_test_run → bpf_struct_ops_test_run (bpf_dummy_ops only). */
    @Override
    public SysResult testRun(int progFd, TestRunArgs args) {
        Object o = get(progFd, ModelProg.class);
        if (o instanceof Errno e) return SysResult.err(e);
        ModelProg p = (ModelProg) o;
        if (!p.check().entry().subsystem().supportsTestRun()) return SysResult.err(Errno.EOPNOTSUPP);
        OpsMember.Func f = p.check().member();
        if (args.ctxSlots() != f.nargs()) return SysResult.err(Errno.EINVAL);
        long[] slots = new long[f.nargs()];
        slots[0] = args.state() == null ? 0 : 1;
        long[] rest = args.rest();
        for (int i = 1; i < slots.length; i++) slots[i] = i - 1 < rest.length ? rest[i - 1] : 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == 0 && f.params().get(i).endsWith("*") && !p.check().argNullable(i)) {
                return SysResult.err(Errno.EINVAL);
            }
        }
        int retval = switch (p.body()) {
            case ProgBody.RetConst r -> r.k();
            case ProgBody.StateValOr s -> args.state() == null ? s.k() : args.state();
            default -> 0;
        };
        byte[] state = args.state() == null ? new byte[0]
                : ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(args.state()).array();
        return SysResult.ok(retval, state);
    }

    @Override
    public void close(int fd) {
        Object o = fds.remove(fd);
        if (o instanceof ModelLink l) detach(l);
    }

    @Override
    public List<String> tcpAvailable() {
        return catalog.subsystem(TcpCongestionOps.NAME, TcpCongestionOps.class)
                .map(TcpCongestionOps::available).orElse(List.of());
    }

    @Override
    public void close() {
        for (Integer fd : new ArrayList<>(fds.keySet())) close(fd);
    }
}
