package io.kflab.sim.runtime.helpers;

import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.maps.ArrayMap;
import io.kflab.sim.runtime.maps.HashTabMap;
import io.kflab.sim.runtime.maps.PercpuArrayMap;
import io.kflab.sim.runtime.maps.PercpuHashMap;
import io.kflab.sim.runtime.maps.SimMap;

/** bpf_map_lookup_elem, bpf_map_update_elem, bpf_map_delete_elem. */
final class MapHelpers {
    private MapHelpers() {}

    static void install(HelperTable t) {
        t.register("map_lookup_elem", (c, map, key, r3, r4, r5) -> {
            SimMap m = kvMap(c, map, "bpf_map_lookup_elem");
            return m.lookup(c.memory().read(key, m.def().keySize(), c.insn()), c.runtime().config().cpu());
        });
        t.register("map_update_elem", (c, map, key, value, flags, r5) -> {
            SimMap m = kvMap(c, map, "bpf_map_update_elem");
            byte[] k = c.memory().read(key, m.def().keySize(), c.insn());
            byte[] v = c.memory().read(value, m.def().valueSize(), c.insn());
            return m.update(k, v, flags, c.runtime().config().cpu());
        });
        t.register("map_delete_elem", (c, map, key, r3, r4, r5) -> {
            SimMap m = kvMap(c, map, "bpf_map_delete_elem");
            return m.delete(c.memory().read(key, m.def().keySize(), c.insn()));
        });
    }

    /** The map at {@code addr}; a fault unless it is one, of a key/value type. */
    static SimMap map(CallContext c, long addr, String helper) {
        SimMap m = c.runtime().mapAt(addr);
        if (m == null) throw new RuntimeFault(c.insn(), helper + ": R1 is not a map pointer (0x" + Long.toHexString(addr) + ")");
        return m;
    }

    private static SimMap kvMap(CallContext c, long addr, String helper) {
        SimMap m = map(c, addr, helper);
        if (!(m instanceof ArrayMap || m instanceof HashTabMap || m instanceof PercpuArrayMap || m instanceof PercpuHashMap)) {
            throw new RuntimeFault(c.insn(), helper + " on a " + m.def().type().cliName() + " map");
        }
        return m;
    }
}
