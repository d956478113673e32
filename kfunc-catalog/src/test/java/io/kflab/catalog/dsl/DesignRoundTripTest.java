package io.kflab.catalog.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.BadInputException;
import java.util.List;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

/** print(parse(x)) parses to the same syntax tree as x (locations aside), for the examples and their mutants. */
class DesignRoundTripTest {
    private static final List<String> TEXTS = Examples.texts();

    static void roundTrips(DesignFile parsed) {
        String printed = DesignPrinter.print(parsed);
        DesignFile again = DesignParser.parse(printed, parsed.file());
        assertThat(again).as(printed).usingRecursiveComparison().ignoringFieldsOfTypes(Loc.class).isEqualTo(parsed);
        assertThat(DesignPrinter.print(again)).isEqualTo(printed);
    }

    @Test
    void examplesRoundTrip() {
        for (String t : TEXTS) {
            roundTrips(DesignParser.parse(t, "x.kfl"));
        }
    }

    @Property(tries = 2_000)
    void mutantsThatParseRoundTrip(@ForAll("mutants") String text) {
        DesignFile parsed;
        try {
            parsed = DesignParser.parse(text, "m.kfl");
        } catch (BadInputException e) {
            return;
        }
        roundTrips(parsed);
    }

    @Provide
    Arbitrary<String> mutants() {
        return Combinators.combine(Arbitraries.of(TEXTS),
                Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of("not", "and", "or", "(", ")", "sleepable", "true", "class A", "member == m", "KF_X |",
                        "hidden", "*", "const", "struct s", "void", ","),
                Arbitraries.integers().between(0, 3)).as(DesignFuzzTest::mutate);
    }
}
