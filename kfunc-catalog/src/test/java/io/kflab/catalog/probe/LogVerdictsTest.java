package io.kflab.catalog.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.catalog.probe.LogVerdicts.Classification;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import org.junit.jupiter.api.Test;

class LogVerdictsTest {
    private static final String STATS = "processed 1 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";

    @Test
    void notAllowedIsDeny() {
        String log = "0: R1=ctx() R10=fp0\n0: (85) call bpf_task_acquire#12345\ncalling kernel function bpf_task_acquire is not allowed\n" + STATS;
        assertThat(LogVerdicts.classify(false, log))
                .isEqualTo(new Classification(Verdict.DENY, "calling kernel function bpf_task_acquire is not allowed"));
    }

    @Test
    void mustBeSleepableIsSleepableOnly() {
        String log = "0: (85) call bpf_copy_from_user_str#777\nprogram must be sleepable to call sleepable kfunc bpf_copy_from_user_str\n" + STATS;
        Classification c = LogVerdicts.classify(false, log);
        assertThat(c.verdict()).isEqualTo(Verdict.SLEEPABLE_ONLY);
        assertThat(c.line()).isEqualTo("program must be sleepable to call sleepable kfunc bpf_copy_from_user_str");
    }

    @Test
    void argumentErrorAfterTheCallIsAllow() {
        String log = "func#0 @0\n0: R1=ctx() R10=fp0\n0: (85) call bpf_task_acquire#12345\n"
                + "arg#0 pointer type STRUCT task_struct must point to scalar, or struct with scalar\n" + STATS;
        assertThat(LogVerdicts.classify(false, log)).isEqualTo(new Classification(Verdict.ALLOW,
                "arg#0 pointer type STRUCT task_struct must point to scalar, or struct with scalar"));
    }

    @Test
    void acceptedIsAllowWithoutALine() {
        assertThat(LogVerdicts.classify(true, STATS)).isEqualTo(new Classification(Verdict.ALLOW, ""));
    }

    @Test
    void failureBeforeTheCallIsUndecided() {
        String log = "metadata kfuncs require device-bound program\n" + STATS;
        assertThat(LogVerdicts.classify(false, log))
                .isEqualTo(new Classification(Verdict.UNDECIDED, "metadata kfuncs require device-bound program"));
    }

    @Test
    void emptyFailedLogIsUndecidedWithoutALine() {
        assertThat(LogVerdicts.classify(false, "")).isEqualTo(new Classification(Verdict.UNDECIDED, ""));
    }

    @Test
    void lastMessageSkipsStatisticsAndBlankLines() {
        assertThat(LogVerdicts.lastMessage("a\nR2 !read_ok\n\n" + STATS + "verification time 12 usec\nstack depth 0\n"))
                .isEqualTo("R2 !read_ok");
    }

    @Property
    void denyWinsWhereverItAppears(@ForAll @AlphaChars String before, @ForAll @NumericChars String after,
                                   @ForAll boolean accepted) {
        String log = before + "\ncalling kernel function bpf_x is not allowed\n" + after;
        assertThat(LogVerdicts.classify(accepted, log).verdict()).isEqualTo(Verdict.DENY);
    }

    @Property
    void acceptedWithoutMessagesIsAllow(@ForAll @AlphaChars String noise) {
        assertThat(LogVerdicts.classify(true, noise).verdict()).isEqualTo(Verdict.ALLOW);
    }
}
