package io.kflab.catalog.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import java.util.concurrent.atomic.AtomicInteger;

/** Random and mutated C never makes the scanner throw or hang. */
class ScannerRobustnessProperties {
    private static final List<String> VOCABULARY = List.of("BTF_KFUNCS_START", "BTF_KFUNCS_END", "BTF_SET8_START",
            "BTF_SET8_END", "BTF_ID_FLAGS", "func", "KF_ACQUIRE", "|", "(", ")", "{", "}", ",", ";", "=", ".", "&",
            "*", "struct", "btf_kfunc_id_set", "register_btf_kfunc_id_set", "register_btf_fmodret_id_set",
            "__bpf_kfunc", "bpf_prog_type_to_kfunc_hook", "switch", "case", "default", "return", ":",
            "btf_param_match_suffix", "sizeof", "\"__sz\"", "\"", "'", "/*", "*/", "//", "\\\n", "\n", "#if X\n",
            "#ifdef CONFIG_A\n", "#else\n", "#elif B\n", "#endif\n", "#define KF_X (1 << 3)\n", "#define M(a) BTF_ID_FLAGS(func, a)\n",
            "#", "x", "y_1", "0x1f", "1", "<<", "BPF_PROG_TYPE_XDP", "THIS_MODULE", "@", "`", "\u00e9", "\t");

    private static final AtomicInteger RUNS = new AtomicInteger();

    @AfterContainer
    static void ranAllTries() {
        assertThat(RUNS.get()).isGreaterThanOrEqualTo(10_000);
    }

    @Property(tries = 10_000)
    void neverThrowsAndStaysFast(@ForAll("inputs") String text) {
        RUNS.incrementAndGet();
        long start = System.nanoTime();
        ScanResult r = KfuncScanner.scan("fuzz.c", text);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r).isNotNull();
        assertThat(ms).as("scan time of %d chars", text.length()).isLessThan(2_000);
        assertThat(r.warnings()).allSatisfy(w -> assertThat(w.at().file()).isEqualTo("fuzz.c"));
    }

    @Provide
    Arbitrary<String> inputs() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, mutatedFixtures()),
                net.jqwik.api.Tuple.of(4, tokenSoup()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(400)));
    }

    private Arbitrary<String> tokenSoup() {
        return Arbitraries.of(VOCABULARY).list().ofMaxSize(300)
                .flatMap(tokens -> Arbitraries.of(" ", "", "\n").list().ofSize(tokens.size()).map(seps -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < tokens.size(); i++) sb.append(tokens.get(i)).append(seps.get(i));
                    return sb.toString();
                }));
    }

    private Arbitrary<String> mutatedFixtures() {
        Arbitrary<String> base = Arbitraries.of(Fixtures.NAMES).map(Fixtures::text);
        Arbitrary<List<Mutation>> mutations = Combinators.combine(
                        Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1), Arbitraries.of(VOCABULARY))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(12);
        return Combinators.combine(base, mutations).as((text, ms) -> {
            String s = text;
            for (Mutation m : ms) s = m.apply(s);
            return s;
        });
    }

    /** Delete, duplicate, insert a token, or truncate at a relative position. */
    private record Mutation(int kind, double at, double length, String token) {
        String apply(String s) {
            if (s.isEmpty()) return token;
            int i = (int) (at * s.length());
            int j = Math.min(s.length(), i + (int) (length * 40));
            return switch (kind) {
                case 0 -> s.substring(0, i) + s.substring(j);
                case 1 -> s.substring(0, j) + s.substring(i, j) + s.substring(j);
                case 2 -> s.substring(0, i) + token + s.substring(i);
                default -> s.substring(0, i);
            };
        }
    }
}
