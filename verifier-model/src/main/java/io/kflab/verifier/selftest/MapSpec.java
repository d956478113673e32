package io.kflab.verifier.selftest;

import io.kflab.bpf.sys.MapType;
import java.util.List;
import java.util.Optional;

/**
 * A map a selftest needs (kernel: a .maps definition, or test_verifier's fixup_map_*): its shape,
 * the instruction slots whose imm gets the map's fd, and an optional value stored at key 0.
 */
public record MapSpec(String name, MapType type, int keySize, int valueSize, int maxEntries, int flags,
                      List<Integer> fixupSlots, Optional<byte[]> valueAtKey0) {
    public MapSpec {
        fixupSlots = List.copyOf(fixupSlots);
        valueAtKey0 = valueAtKey0.map(byte[]::clone);
    }

    MapSpec withFixups(List<Integer> slots) {
        return new MapSpec(name, type, keySize, valueSize, maxEntries, flags, slots, valueAtKey0);
    }
}
