package io.kflab.verifier.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.check.Verdict;
import io.kflab.verifier.check.Verifier;
import io.kflab.verifier.check.VerifyOptions;
import io.kflab.verifier.state.MapDef;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The generator's bpf-to-bpf calls: main instructions unchanged by the second source, a spread of model verdicts. */
class SubprogGeneratorTest {
    static final VerifyOptions OPTS = VerifyOptions.of(ProgType.SOCKET_FILTER)
            .withMaps(Map.of(3, new MapDef(MapDef.HASH, 4, 8, 16), 4, new MapDef(MapDef.ARRAY, 4, 8, 4)));

    static boolean hasCall(List<RawInsn> p) {
        return p.stream().anyMatch(i -> i.code() == 0x85 && i.src() == 1);
    }

    @Test
    void programsWithoutCallsAreThoseOfTheFirstSource() {
        Random a = new Random(7), b = new Random(7), calls = new Random(8);
        int same = 0;
        for (int n = 0; n < 300; n++) {
            List<RawInsn> plain = new ProgramGenerator(a, 3, 4).program();
            List<RawInsn> mixed = new ProgramGenerator(b, calls, 3, 4).program();
            if (!hasCall(mixed)) {
                assertThat(mixed).isEqualTo(plain);
                same++;
            }
        }
        assertThat(same).isBetween(150, 250);
    }

    @Test
    void callProgramsGetVariedVerdicts() {
        Random rnd = new Random(1), calls = new Random(2);
        Map<String, Integer> outcomes = new TreeMap<>();
        int withCalls = 0;
        for (int n = 0; n < 600; n++) {
            List<RawInsn> p = new ProgramGenerator(rnd, calls, 3, 4).program();
            if (!hasCall(p)) continue;
            withCalls++;
            Verdict v = Verifier.verify(p, OPTS);
            String key = v.accepted() ? "accept" : v.message().endsWith("!read_ok") ? v.message() : v.message().replaceAll("\\d+", "N");
            outcomes.merge(key, 1, Integer::sum);
        }
        System.out.println("subprog generator outcomes: " + outcomes);
        assertThat(withCalls).isGreaterThan(100);
        assertThat(outcomes.getOrDefault("accept", 0)).isGreaterThan(withCalls / 20); // about a tenth measured
        assertThat(outcomes).containsKeys("cannot return stack pointer to the caller",
                "cannot spill pointers to stack into stack frame of the caller");
    }
}
