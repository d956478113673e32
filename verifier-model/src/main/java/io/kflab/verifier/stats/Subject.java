package io.kflab.verifier.stats;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.diff.ProgramGenerator;
import io.kflab.verifier.selftest.MapSpec;
import io.kflab.verifier.selftest.SelftestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One program to verify on both sides (veristat: one program of an object file): its load
 * attributes, instruction slots, and the maps whose fds go into its ld_imm64 slots.
 */
public record Subject(String name, ProgType progType, Optional<AttachType> expectedAttachType, int flags,
                      List<RawInsn> slots, List<MapSpec> maps) {
    /** Placeholder fds the generator writes; each becomes a map of {@link #generated}. */
    private static final int HASH_FD = 1_000_001, ARRAY_FD = 1_000_002;

    public Subject {
        slots = List.copyOf(slots);
        maps = List.copyOf(maps);
    }

    /** A supported selftest, with its maps. */
    public static Subject of(SelftestCase c) {
        if (!c.supported()) throw new IllegalArgumentException(c.id() + " is not supported");
        return new Subject(c.id(), c.progType(), c.expectedAttachType(), c.flags(), c.slots(), c.maps());
    }

    /** The n-th program of {@code kflab diff --random}'s generator for {@code seed}, as socket filters with a hash and an array map. */
    public static List<Subject> generated(int count, long seed) {
        Random rnd = new Random(new java.util.SplittableRandom(seed).nextLong());
        List<Subject> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            List<RawInsn> prog = new ProgramGenerator(rnd, HASH_FD, ARRAY_FD).program();
            List<Integer> hash = new ArrayList<>(), array = new ArrayList<>();
            for (int i = 0; i < prog.size(); i++) {
                RawInsn r = prog.get(i);
                if (r.code() == 0x18 && r.src() == 1) {
                    if (r.imm() == HASH_FD) hash.add(i);
                    if (r.imm() == ARRAY_FD) array.add(i);
                }
            }
            out.add(new Subject(String.format("generated/%d-%05d", seed, n), ProgType.SOCKET_FILTER, Optional.empty(), 0, prog,
                    List.of(new MapSpec("hash", MapType.HASH, 4, 8, 16, 0, hash, Optional.empty()),
                            new MapSpec("array", MapType.ARRAY, 4, 8, 4, 0, array, Optional.empty()))));
        }
        return out;
    }
}
