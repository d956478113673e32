package io.kflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.*;

/** Random command lines: every one ends in a kflab exit code with no stack trace. */
class CliArgsFuzzTest {
    private static final List<String> TOKENS = List.of("btf", "kernel", "load", "run", "summary", "type", "kfuncs",
            "help", "--json", "--file", "--type", "xdp", "socket_filter", "struct_ops", "bogus", "--data", "zz", "00ff",
            "--ctx", "--repeat", "-1", "0", "7", "--map", "a=array:4:8:1", "x=y", "a=nope:1:2:3", "--log-level",
            "--attach", "tcp_congestion_ops:nope", "a:b", "no-such.s", "/dev/null", "/", "--sleepable", "--license",
            "-", "--", "=", "task_struct", "--help", "-V");

    @Property(tries = 10000)
    void everyCommandLineEndsWithAnExitCodeAndNoStackTrace(@ForAll("commandLines") List<String> args) {
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(String.join(" ", args)).isIn(0, 1, 2, 3);
        assertThat(r.err()).as(String.join(" ", args)).doesNotContain("\tat ").doesNotContain("Exception in");
        if (r.exit() == 2) assertThat(r.err().strip()).as(String.join(" ", args)).doesNotContain("\n");
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(6));
        return token.list().ofMaxSize(7);
    }
}
