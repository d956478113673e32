package io.kflab.verifier.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.verifier.diff.DiffReport;
import io.kflab.verifier.diff.Differential;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the running kernel: generated socket filters through both the model
 * and BPF_PROG_LOAD. The model must never accept what the kernel rejects.
 */
class KernelAgreementTest {
    static final int PROGRAMS = Integer.getInteger("kflab.vcore.programs", 2000);
    static final long SEED = Long.getLong("kflab.vcore.seed", 7);

    @Test
    void neverAcceptsWhatTheKernelRejects(@TempDir Path repro) {
        KernelAssumptions.assumeBpf();
        DiffReport r = Differential.run(PROGRAMS, SEED, repro, Progress.quiet());
        System.out.println("vcore differential: " + r);
        assertThat(r.total()).isEqualTo(PROGRAMS);
        assertThat(r.modelAcceptKernelReject()).as("model accepts what the kernel rejects: %s", r.reproducers()).isZero();
        // measured (seed 7, 2000 programs): agree 1999, sameErrno 1451 and sameMessage 1451 of bothReject 1455;
        // 570 programs with bpf-to-bpf calls, all agreeing; margins for generator drift
        assertThat(r.agree()).isGreaterThanOrEqualTo((int) (r.total() * 0.97));
        assertThat(r.withCalls()).isGreaterThan(r.total() / 5);
        assertThat(r.withCallsAgree()).isGreaterThanOrEqualTo((int) (r.withCalls() * 0.97));
        assertThat(r.sameErrno()).isGreaterThanOrEqualTo((int) (r.bothReject() * 0.95));
        assertThat(r.sameMessage()).isGreaterThanOrEqualTo((int) (r.bothReject() * 0.95));
        assertThat(r.kernelAccept()).isGreaterThan(r.total() / 5);
        assertThat(r.reproducers()).hasSize(r.total() - r.agree());
    }
}
