package io.kflab.verifier.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

class SelftestImporterTest {
    private static final SelftestImporter IMPORTER = new SelftestImporter(KernelTypes.NONE, n -> null);

    static String fixture(String name) {
        try (InputStream in = SelftestImporterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<SelftestCase> loaderCases() {
        return IMPORTER.importText(fixture("verifier_fixture.c"), "verifier_fixture.c", SelftestFormat.TEST_LOADER);
    }

    @Test
    void annotatedNakedAsmBecomesACase() {
        List<SelftestCase> cases = loaderCases();
        assertThat(cases).extracting(SelftestCase::name).containsExactly("accept_answer", "reject_two_messages", "c_body");
        SelftestCase c = cases.getFirst();
        assertThat(c.description()).isEqualTo("fixture: concatenated\tdescription");
        assertThat(c.progType()).isEqualTo(ProgType.SOCKET_FILTER);
        assertThat(c.expectSuccess()).isTrue();
        assertThat(c.retval()).isEqualTo(OptionalLong.of(42));
        assertThat(c.logLevel()).isEqualTo(2);
        assertThat(c.flags()).isEqualTo(TestLoaderImporter.DEFAULT_FLAGS | 2);
        assertThat(c.unprivExpectations()).hasValueSatisfying(u -> {
            assertThat(u.expectSuccess()).isFalse();
            assertThat(u.expectedMessages()).containsExactly("R1 {{[a-z]+}}");
            assertThat(u.retval()).isEqualTo(OptionalLong.of(42));
        });
        MapSpec m = c.maps().getFirst();
        assertThat(m).extracting(MapSpec::type, MapSpec::keySize, MapSpec::valueSize, MapSpec::maxEntries)
                .containsExactly(MapType.HASH, 8, 24, 1);
        assertThat(m.fixupSlots()).containsExactly(4);
        // r1 = *(u64 *)(r0 + 16): offsetof(struct pair, second[1]) = 8 + 8
        assertThat(c.slots().get(8)).isEqualTo(new RawInsn(0x79, 1, 0, (short) 16, 0));
        // w0 %= 100 (mod); the subprogram is appended: call pc+2 -> r0 = 42; .8byte (r1 = 7); exit
        assertThat(c.slots().get(9)).isEqualTo(new RawInsn(0x85, 0, 1, (short) 0, 2));
        assertThat(c.slots().get(10)).isEqualTo(new RawInsn(0x94, 0, 0, (short) 0, 100));
        assertThat(c.slots().subList(12, 15)).containsExactly(new RawInsn(0xb7, 0, 0, (short) 0, 42),
                new RawInsn(0xb7, 1, 0, (short) 0, 7), new RawInsn(0x95, 0, 0, (short) 0, 0));
    }

    @Test
    void messagesInOrderAndCBodiesUnsupported() {
        List<SelftestCase> cases = loaderCases();
        assertThat(cases.get(1).expectedMessages()).containsExactly("first", "second");
        assertThat(cases.get(1).expectSuccess()).isFalse();
        assertThat(cases.get(1).progType()).isEqualTo(ProgType.XDP);
        assertThat(cases.get(2).unsupportedReason()).hasValueSatisfying(u -> assertThat(u.feature()).isEqualTo("C body"));
    }

    @Test
    void bpfTestInitialisersExpandTheMacros() {
        List<SelftestCase> cases = IMPORTER.importText(fixture("fixture_bpf_test.c"), "fixture_bpf_test.c", SelftestFormat.TEST_VERIFIER);
        assertThat(cases).hasSize(3);
        SelftestCase a = cases.get(0);
        assertThat(a.slots()).hasSize(8);
        assertThat(a.slots().get(0)).isEqualTo(new RawInsn(0x7a, 10, 0, (short) -8, 0));
        assertThat(a.slots().get(3)).isEqualTo(new RawInsn(0x18, 1, 1, (short) 0, 0));
        assertThat(a.slots().get(5)).isEqualTo(new RawInsn(0x85, 0, 0, (short) 0, 1));
        assertThat(a.maps().getFirst()).extracting(MapSpec::type, MapSpec::keySize, MapSpec::valueSize, MapSpec::fixupSlots)
                .containsExactly(MapType.HASH, 8, 8, List.of(3));
        assertThat(a.retval()).isEqualTo(OptionalLong.of(3));
        SelftestCase b = cases.get(1);
        assertThat(b.expectSuccess()).isFalse();
        assertThat(b.expectedMessages()).containsExactly("invalid bpf_context access", "second part");
        assertThat(b.progType()).isEqualTo(ProgType.SCHED_CLS);
        assertThat(b.flags() & 2).isEqualTo(2);
        assertThat(b.unprivExpectations()).isEmpty();
        assertThat(cases.get(2).unsupportedReason()).hasValueSatisfying(u -> assertThat(u.feature()).isEqualTo("test field .fill_helper"));
    }

    @Test
    void logMatchingIsInOrderWithRegexParts() {
        assertThat(LogMatcher.firstMissing("a R1 invalid b", List.of("R1 {{[a-z]+}}", "b"))).isEmpty();
        assertThat(LogMatcher.firstMissing("b then a", List.of("a", "b"))).contains("b");
    }

    @Test
    void malformedFilesAreBadInputWithALocation() {
        assertThatThrownBy(() -> IMPORTER.importText("SEC(\"socket\") void f(void) {\n", "bad.c", SelftestFormat.TEST_LOADER))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).location()).matches("bad\\.c:\\d+:\\d+"));
        assertThatThrownBy(() -> IMPORTER.importText("#if 1\nint x;\n", "bad.c", SelftestFormat.TEST_LOADER))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void fixturesRunOnTheKernel() {
        KernelAssumptions.assumeBpf();
        KernelVerdict v = SelftestRunner.runOnKernel(loaderCases().getFirst());
        assertThat(v.accepted()).contains(true);
        assertThat(v.retvalMatched()).contains(true);
        assertThat(v.unprivileged()).contains("not run");
        List<SelftestCase> t = IMPORTER.importText(fixture("fixture_bpf_test.c"), "f.c", SelftestFormat.TEST_VERIFIER);
        assertThat(SelftestRunner.runOnKernel(t.get(0)).agrees()).isTrue();
        KernelVerdict rejected = SelftestRunner.runOnKernel(t.get(1));
        assertThat(rejected.verdictAgrees()).isTrue();
        assertThat(rejected.missingMessage()).contains("second part");
    }

    /** Random and mutated inputs: the parser answers with cases or BadInputException, nothing else. */
    @Property(tries = 10_000)
    void parserNeverFailsOtherwise(@ForAll("inputs") String text) {
        for (SelftestFormat f : SelftestFormat.values()) {
            try {
                IMPORTER.importText(text, "fuzz.c", f);
            } catch (BadInputException e) {
                assertThat(e.location()).startsWith("fuzz.c:");
            }
        }
    }

    @Provide
    Arbitrary<String> inputs() {
        String seed = fixture("verifier_fixture.c") + fixture("fixture_bpf_test.c");
        Arbitrary<String> mutated = Arbitraries.integers().between(0, seed.length() - 1).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(cuts -> Arbitraries.of("", "{", "}", "(", ")", "\"", "#if 1\n", "#endif\n", ";", "\\\n", "/*", "0x", "%[", ",")
                        .list().ofSize(cuts.size()).map(ins -> {
                            StringBuilder b = new StringBuilder(seed);
                            for (int i = 0; i < cuts.size(); i++) {
                                int at = Math.min(cuts.get(i), b.length());
                                int end = Math.min(b.length(), at + (i % 2 == 0 ? 0 : 3));
                                b.replace(at, end, ins.get(i));
                            }
                            return b.toString();
                        }));
        Arbitrary<String> random = Arbitraries.strings().withChars("{}()[];,.\"'#\\ \nabSEC_x0=*&-+/%").ofMaxLength(80);
        return Arbitraries.frequencyOf(Tuple.of(1, random), Tuple.of(1, mutated));
    }
}
