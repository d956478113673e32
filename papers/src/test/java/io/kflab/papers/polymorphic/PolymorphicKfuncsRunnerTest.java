package io.kflab.papers.polymorphic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner writes RESULTS.md with the three claims, the dispatch chart and its JSON. */
class PolymorphicKfuncsRunnerTest {
    @Test
    void writesResults(@TempDir Path dir) throws Exception {
        PolymorphicKfuncs.Report r = PolymorphicKfuncs.run(dir, Fixtures.SMALL);
        assertThat(r.claims()).hasSize(3);
        assertThat(r.ok()).isTrue();
        String md = Files.readString(dir.resolve("RESULTS.md"));
        assertThat(md).startsWith("# polymorphic-kfuncs-lsfmm24").contains("**Summary:** 3 of 3 claims hold")
                .contains("## 1. ").contains("## 2. ").contains("## 3. ").doesNotContain("DOES NOT HOLD").contains("in-process");
        assertThat(Files.readAllBytes(dir.resolve("dispatch.png"))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.readString(dir.resolve("dispatch.json"))).contains("\"POLYMORPHIC\"");
        assertThat(r.timing().scores()).hasSize(12);
    }
}
