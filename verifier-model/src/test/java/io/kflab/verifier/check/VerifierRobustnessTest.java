package io.kflab.verifier.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.state.MapDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.*;

/** Any input gives a verdict: no exception, bounded time (state explosion stops at the complexity limit). */
class VerifierRobustnessTest {
    static final VerifyOptions OPTS = VerifyOptions.of(ProgType.SOCKET_FILTER).withLogLevel(0)
            .withMaps(Map.of(3, new MapDef(MapDef.HASH, 4, 8, 4), 4, new MapDef(MapDef.ARRAY, 4, 8, 4)));

    @Property(tries = 10_000)
    void everyProgramGetsAVerdict(@ForAll long seed, @ForAll boolean raw) {
        Random rnd = new Random(seed);
        List<RawInsn> prog = raw ? rawSlots(rnd) : new io.kflab.verifier.diff.ProgramGenerator(rnd, 3, 4).program();
        long t0 = System.nanoTime();
        Verdict v = Verifier.verify(prog, OPTS);
        // the bad-input bound: no program takes a second (these take microseconds; the bound catches a blow-up)
        assertThat(System.nanoTime() - t0).as("ns for one program").isLessThan(1_000_000_000L);
        assertThat(v.accepted() || v.errno() != null).isTrue();
    }

    static List<RawInsn> rawSlots(Random rnd) {
        int n = 1 + rnd.nextInt(16);
        int[] codes = {0x07, 0x0f, 0x17, 0x27, 0x37, 0x47, 0x57, 0x67, 0x77, 0x87, 0x97, 0xa7, 0xb7, 0xbf, 0xc7, 0xd4,
                0x04, 0x0c, 0xb4, 0xbc, 0x61, 0x69, 0x71, 0x79, 0x62, 0x6a, 0x72, 0x7a, 0x63, 0x6b, 0x73, 0x7b, 0x05,
                0x15, 0x1d, 0x25, 0x2d, 0x35, 0x45, 0x55, 0x5d, 0xa5, 0xb5, 0xc5, 0xd5, 0x16, 0x85, 0x95, 0x18, 0xdb,
                0x20, 0x06, 0xe5, rnd.nextInt(256)};
        List<RawInsn> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int code = codes[rnd.nextInt(codes.length)];
            int imm = switch (rnd.nextInt(4)) { case 0 -> rnd.nextInt(); case 1 -> 0; default -> rnd.nextInt(16) - 4; };
            out.add(new RawInsn(code, rnd.nextInt(11), rnd.nextInt(8) == 0 ? rnd.nextInt(16) : rnd.nextInt(11),
                    (short) (rnd.nextInt(12) - 5), code == 0x85 ? rnd.nextInt(12) : imm));
        }
        out.add(new RawInsn(0x95, 0, 0, (short) 0, 0));
        return out;
    }

    /** A long loop whose body branches: many checkpoints stay unexplored; each prune point must stay cheap. */
    @org.junit.jupiter.api.Test
    void longBranchyLoopsStopQuickly() {
        String text = """
                r0 = 0
                r1 = 0
                l0:
                r1 += 1
                if r1 > 3 goto l1
                r0 += 1
                l1:
                if r1 & 1 goto l2
                r0 += 2
                l2:
                if r1 < 200000 goto l0
                exit
                """;
        var slots = io.kflab.bpf.asm.Assembler.builtin().assemble(text, "loop.s").slots();
        Verdict v = Verifier.verify(slots, VerifyOptions.of(io.kflab.bpf.sys.ProgType.SOCKET_FILTER));
        // the kernel's complexity limit (BPF_COMPLEXITY_LIMIT_INSNS) bounds the work, as in the kernel
        org.assertj.core.api.Assertions.assertThat(v.insnsProcessed()).isPositive().isLessThanOrEqualTo(Verifier.COMPLEXITY_LIMIT + 1);
    }
}
