package io.kflab.bpf.isa;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.BadInputException;
import net.jqwik.api.*;

/** Random and mutated bytecode files: decoding either succeeds exactly or names the bad byte. */
class ProgramDecodeFuzzTest {
    @Property(tries = 10000)
    void decodeSucceedsExactlyOrNamesTheByte(@ForAll("files") byte[] bytes) {
        try {
            Program p = Program.decode(bytes, "f.bin");
            assertThat(p.encode()).isEqualTo(bytes);
        } catch (BadInputException e) {
            assertThat(e.location()).matches("f\\.bin: byte \\d+");
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> mutated = Combinators.combine(InsnArbitraries.program(), Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.bytes(), Arbitraries.of(true, false))
                .as((p, where, value, truncate) -> {
                    byte[] b = p.encode();
                    int at = where % b.length;
                    if (truncate) return java.util.Arrays.copyOf(b, at);
                    b[at] = value;
                    return b;
                });
        return Arbitraries.oneOf(random, mutated, mutated);
    }
}
