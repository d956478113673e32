package io.kflab.verifier.structops.diff;

import io.kflab.verifier.structops.OpsMember;
import io.kflab.verifier.structops.ProgAttrs;
import io.kflab.verifier.structops.StructOpsState;
import io.kflab.verifier.structops.StructOpsType;
import io.kflab.verifier.structops.model.MapAttrs;
import io.kflab.verifier.structops.model.StructOpsSyscalls;
import io.kflab.verifier.structops.model.SysResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Scenario} on one backend and cleans up after it whatever happened: every link is
 * detached, every registered (INUSE) map deleted, every fd closed — so that no congestion control
 * stays registered in the kernel.
 */
public final class ScenarioRunner {
    private final Map<String, StructOpsType> types;

    /** A runner for these struct_ops types (the running kernel's, read from its BTF). */
    public ScenarioRunner(List<StructOpsType> types) {
        this.types = new LinkedHashMap<>();
        for (StructOpsType t : types) this.types.put(t.name(), t);
    }

    /** Runs {@code s} on {@code sys} (which the caller closes) and returns one outcome per step. */
    public List<Outcome> run(Scenario s, StructOpsSyscalls sys) {
        Map<String, Integer> fds = new HashMap<>();
        Map<String, String> mapTypes = new HashMap<>();
        List<String> links = new ArrayList<>();
        List<Outcome> out = new ArrayList<>();
        try {
            for (Step step : s.steps()) out.add(exec(step, sys, fds, mapTypes, links));
        } finally {
            cleanup(sys, fds, mapTypes, links);
        }
        return out;
    }

    private Outcome exec(Step step, StructOpsSyscalls sys, Map<String, Integer> fds, Map<String, String> mapTypes,
                         List<String> links) {
        String d = describe(step);
        return switch (step) {
            case Step.Btf b -> created(d, b.as(), b.kernel() ? sys.btfKernel() : sys.btfLoadUser(), fds);
            case Step.Load l -> {
                StructOpsType t = type(l.type());
                int idx = l.index() != null ? l.index()
                        : t.member(l.member()).map(OpsMember::index).orElseThrow(() -> new IllegalArgumentException(l.member()));
                ProgAttrs a = new ProgAttrs(l.license(), l.btfId() != null ? l.btfId() : t.typeId(), idx, l.flags());
                yield created(d, l.as(), sys.progLoad(a, l.body()), fds);
            }
            case Step.Map m -> {
                StructOpsType t = type(m.type());
                MapAttrs a = new MapAttrs(m.keySize(), t.valueSize() + m.valueSizeDelta(), m.maxEntries(),
                        m.flags() | (m.vtypeBtf() != null ? MapAttrs.BPF_F_VTYPE_BTF_OBJ_FD : 0), ref(m.btf(), fds),
                        m.valueTypeId() != null ? m.valueTypeId() : t.valueTypeId(),
                        m.vtypeBtf() != null ? ref(m.vtypeBtf(), fds) : 0);
                mapTypes.put(m.as(), m.type());
                yield created(d, m.as(), sys.mapCreate(a), fds);
            }
            case Step.Update u -> {
                StructOpsType t = type(mapTypes.get(u.map()));
                yield plain(d, sys.mapUpdate(fds.get(u.map()), u.key(), ValueBytes.build(t, u.value(), h -> ref(h, fds)),
                        u.flags()), true, "");
            }
            case Step.Delete x -> plain(d, sys.mapDelete(fds.get(x.map()), x.key()), false, "");
            case Step.Lookup x -> {
                SysResult r = sys.mapLookup(fds.get(x.map()), x.key());
                yield plain(d, r, false, r.ok() ? ValueBytes.describe(type(mapTypes.get(x.map())), r.data()) : "");
            }
            case Step.Link l -> {
                Outcome o = created(d, l.as(), sys.linkCreate(ref(l.map(), fds)), fds);
                if (o.ok()) links.add(l.as());
                yield o;
            }
            case Step.LinkUpdate u -> plain(d, sys.linkUpdate(ref(u.link(), fds), ref(u.newMap(), fds), u.flags(),
                    ref(u.oldMap(), fds)), false, "");
            case Step.Detach x -> plain(d, sys.linkDetach(ref(x.link(), fds)), false, "");
            case Step.Close c -> {
                Integer fd = fds.remove(c.handle());
                if (fd != null) {
                    if (links.remove(c.handle())) sys.linkDetach(fd);
                    sys.close(fd);
                }
                yield new Outcome(d, true, "", 0, "", "");
            }
            case Step.TestRun t -> {
                SysResult r = sys.testRun(fds.get(t.prog()), t.args());
                String detail = r.ok() && r.data().length == 4
                        ? "state=" + ByteBuffer.wrap(r.data()).order(ByteOrder.LITTLE_ENDIAN).getInt() : "";
                yield plain(d, r, true, detail);
            }
            case Step.Available a -> new Outcome(d, true, "", sys.tcpAvailable().contains(a.tcpName()) ? 1 : 0, "", "");
        };
    }

    private StructOpsType type(String name) {
        StructOpsType t = types.get(name);
        if (t == null) throw new IllegalArgumentException("no struct_ops type " + name + " in this kernel's BTF");
        return t;
    }

    private static int ref(String handle, Map<String, Integer> fds) {
        if (handle == null || handle.equals("#0")) return 0;
        if (handle.equals("#bad")) return StructOpsSyscalls.BAD_FD;
        Integer fd = fds.get(handle);
        return fd != null ? fd : StructOpsSyscalls.BAD_FD;
    }

    private static Outcome created(String d, String as, SysResult r, Map<String, Integer> fds) {
        if (r.ok()) fds.put(as, r.fd());
        return plain(d, r, false, "");
    }

    private static Outcome plain(String d, SysResult r, boolean keepValue, String detail) {
        String log = r.ok() ? "" : r.log().strip();
        return new Outcome(d, r.ok(), r.ok() ? "" : r.errno().name(), r.ok() && keepValue ? r.value() : 0, detail, log);
    }

    private void cleanup(StructOpsSyscalls sys, Map<String, Integer> fds, Map<String, String> mapTypes, List<String> links) {
        for (String l : links) {
            Integer fd = fds.get(l);
            if (fd != null) sys.linkDetach(fd);
        }
        for (Map.Entry<String, String> m : mapTypes.entrySet()) {
            Integer fd = fds.get(m.getKey());
            if (fd == null) continue;
            SysResult r = sys.mapLookup(fd, 0);
            if (r.ok() && ByteBuffer.wrap(r.data()).order(ByteOrder.LITTLE_ENDIAN).getInt(4) == StructOpsState.INUSE.value()) {
                sys.mapDelete(fd, 0);
            }
        }
        for (Integer fd : fds.values()) sys.close(fd);
        fds.clear();
    }

    /** A short description of a step, e.g. {@code update m {name=x ssthresh=s}}. */
    static String describe(Step step) {
        return switch (step) {
            case Step.Btf b -> (b.kernel() ? "vmlinux btf " : "btf_load ") + b.as();
            case Step.Load l -> "load " + l.as() + " = " + l.type() + "." + (l.member() != null ? l.member() : "#" + l.index())
                    + (l.btfId() != null ? " btf_id=" + l.btfId() : "") + ((l.flags() & ProgAttrs.BPF_F_SLEEPABLE) != 0 ? " sleepable" : "")
                    + (l.license().equals("GPL") ? "" : " license=" + l.license()) + " " + l.body();
            case Step.Map m -> "map_create " + m.as() + " = " + m.type() + " flags=0x" + Integer.toHexString(m.flags())
                    + (m.keySize() != 4 ? " key_size=" + m.keySize() : "") + (m.maxEntries() != 1 ? " max_entries=" + m.maxEntries() : "")
                    + (m.valueSizeDelta() != 0 ? " value_size" + (m.valueSizeDelta() > 0 ? "+" : "") + m.valueSizeDelta() : "")
                    + (m.valueTypeId() != null ? " value_type_id=" + m.valueTypeId() : "")
                    + (!"btf".equals(m.btf()) ? " btf_fd=" + m.btf() : "") + (m.vtypeBtf() != null ? " vtype_btf_obj_fd=" + m.vtypeBtf() : "");
            case Step.Update u -> "update " + u.map() + (u.key() != 0 ? " key=" + u.key() : "")
                    + (u.flags() != 0 ? " flags=" + u.flags() : "") + " " + u.value();
            case Step.Delete x -> "delete " + x.map() + (x.key() != 0 ? " key=" + x.key() : "");
            case Step.Lookup x -> "lookup " + x.map() + (x.key() != 0 ? " key=" + x.key() : "");
            case Step.Link l -> "link_create " + l.as() + " = " + l.map();
            case Step.LinkUpdate u -> "link_update " + u.link() + " new=" + u.newMap()
                    + (u.flags() != 0 ? " flags=" + u.flags() : "") + (!"#0".equals(u.oldMap()) ? " old=" + u.oldMap() : "");
            case Step.Detach x -> "link_detach " + x.link();
            case Step.Close c -> "close " + c.handle();
            case Step.TestRun t -> "test_run " + t.prog() + " state=" + t.args().state() + " ctx_slots=" + t.args().ctxSlots();
            case Step.Available a -> "available " + a.tcpName();
        };
    }
}
