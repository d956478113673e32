package io.kflab.catalog.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.*;

/** Random and mutated designs: loading either succeeds or reports one line of bad input, quickly. */
class DesignFuzzTest {
    private static final List<String> TOKENS = List.of("design", "extends", "kernel", "include", "kfunc", "override",
            "remove", "set", "register", "for", "filter", "allow", "when", "if", "hidden", "struct_ops", "class",
            "sleepable", "family", "variant", "rename", "since", "and", "or", "not", "in", "true", "false",
            "prog_type", "attach_type", "member", "struct", "const", "->", "==", "!=", "(", ")", "{", "}", ";", ",",
            "|", "*", "6.13", "\"x.kfl\"", "\"", "/*", "*/", "//", "\n", "KF_RCU", "KF_NEW", "CONFIG_X", "void", "u64",
            "select_cpu", "dispatch", "scx_bpf_dsq_insert", "sched_ext_ops", "UNLOCKED", "syscall", "@", "#");
    private static final Pattern TOKEN = Pattern.compile("\"[^\"\\n]*\"|->|==|!=|[A-Za-z0-9_.]+|\\S");
    private static final List<String> TEXTS = corpus();

    private static List<String> corpus() {
        List<String> texts = new ArrayList<>(Examples.texts());
        // the runtime-mask design with its include inlined, so that mutants reach the semantic checks
        String main = texts.stream().filter(t -> t.contains("design \"sched_ext-6.12-runtime-mask\"")).findFirst().orElseThrow();
        String kfuncs = texts.stream().filter(t -> !t.contains("design \"") && t.contains("kfunc ")).findFirst().orElseThrow();
        texts.add(main.replace("include \"include/sched_ext-6.12-kfuncs.kfl\";", kfuncs));
        texts.add(main.replace("include \"include/sched_ext-6.12-kfuncs.kfl\";", kfuncs)
                + "\nkfunc void d1(int x);\nkfunc void d2(int x);\nfamily scx_bpf_dispatch for sched_ext_ops {\n"
                + "    variant d1 when member in (select_cpu, enqueue);\n    variant d2 when member == dispatch;\n}\n");
        return texts;
    }

    @Property(tries = 10_000)
    void onlyBadInputOrSuccess(@ForAll("designs") String text) {
        try {
            DesignLoader.load(text, "fuzz.kfl");
        } catch (BadInputException e) {
            assertThat(e.location()).startsWith("fuzz.kfl:");
            assertThat(e.oneLine()).doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> designs() {
        Arbitrary<String> random = Arbitraries.strings().withChars("abcdefgiklmnorstuvw_(){};,|*=!-> \n\"/.0123456789")
                .ofMaxLength(120);
        Arbitrary<String> tokens = Arbitraries.of(TOKENS).list().ofMaxSize(40).map(l -> String.join(" ", l));
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(TEXTS),
                Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(TOKENS), Arbitraries.integers().between(0, 4)).as(DesignFuzzTest::mutate);
        return Arbitraries.frequencyOf(Tuple.of(1, random), Tuple.of(1, tokens), Tuple.of(6, mutated));
    }

    static String mutate(String text, List<Integer> wheres, String token, int how) {
        String s = text;
        for (int where : wheres) {
            List<int[]> spans = new ArrayList<>();
            Matcher m = TOKEN.matcher(s);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
            if (spans.isEmpty()) {
                return s + " " + token;
            }
            int[] t = spans.get(where % spans.size());
            s = switch (how) {
                case 0 -> s.substring(0, t[0]) + s.substring(t[1]);                       // delete a token
                case 1 -> s.substring(0, t[0]) + token + " " + s.substring(t[0]);          // insert a token
                case 2 -> s.substring(0, t[0]) + token + s.substring(t[1]);                // replace a token
                case 3 -> s.substring(0, t[1]) + " " + s.substring(t[0]);                 // duplicate a token
                default -> s.substring(0, where % (s.length() + 1));                      // truncate
            };
        }
        return s;
    }
}
