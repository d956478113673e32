package io.kflab.bpf.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.InsnArbitraries;
import io.kflab.bpf.isa.Program;
import java.util.List;
import net.jqwik.api.*;

/** Random and mutated assembly: the assembler either succeeds or reports one line of bad input, quickly. */
class AssemblerFuzzTest {
    private static final List<String> TOKENS = List.of("r0", "r1", "w2", "r10", "r11", "=", "+=", "s>>=", "-",
            "*", "(", ")", "[", "]", "u64", "s8", "u33", "if", "goto", "gotol", "call", "exit", "lock", "ll", "0x10",
            "-8", "99999999999999999999", "%[map]", "l0_%=", ":", ";", "\n", ",", "skb", "be16", "bswap64", "#",
            "atomic_fetch_add", "xchg_64", "load_acquire", "map_fd", "kfunc", "pc", "+", ".8byte", "/*", "*/", "//");

    private final Assembler asm = new Assembler(SymbolTable.builder().mapFd("map", 3).build());

    @Property(tries = 10000)
    void neverThrowsAnythingButBadInput(@ForAll("inputs") String text) {
        try {
            asm.assemble(text, "fuzz.s").bytes();
        } catch (BadInputException e) {
            assertThat(e.location()).startsWith("fuzz.s:");
            assertThat(e.oneLine()).doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> inputs() {
        Arbitrary<String> random = Arbitraries.strings().withChars("rw0123456789=+-*/()[]<>&|^%:;,# \n\tlockifgotcalexsbu.x").ofMaxLength(80);
        Arbitrary<String> tokens = Arbitraries.of(TOKENS).list().ofMaxSize(30).map(l -> String.join(" ", l));
        Arbitrary<String> mutated = Combinators.combine(InsnArbitraries.program(), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(TOKENS), Arbitraries.integers().between(0, 3))
                .as(AssemblerFuzzTest::mutate);
        return Arbitraries.oneOf(random, tokens, mutated, mutated);
    }

    private static String mutate(Program p, int where, String token, int how) {
        String text = AsmPrinter.builtin().print(p);
        int at = where % (text.length() + 1);
        return switch (how) {
            case 0 -> text.substring(0, at) + token + text.substring(at);
            case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + token.length()));
            case 2 -> text.substring(0, at);
            default -> text.substring(0, at) + token + text.substring(Math.min(text.length(), at + token.length()));
        };
    }
}
