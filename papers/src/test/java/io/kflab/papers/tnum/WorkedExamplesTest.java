package io.kflab.papers.tnum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The published single multiplications ((1;2)×(38;1) and (1;2)×7 under each algorithm). */
class WorkedExamplesTest {
    @Test
    void everyWorkedExampleMatches() {
        assertThat(WorkedExample.all()).hasSize(6).allSatisfy(e ->
                assertThat(e.reproduced()).as("%s %s %s × %s", e.source(), e.algorithm(), e.a(), e.b()).isEqualTo(e.published()));
    }
}
