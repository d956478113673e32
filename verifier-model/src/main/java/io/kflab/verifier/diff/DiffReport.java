package io.kflab.verifier.diff;

import java.util.List;

/**
 * How the model's verdicts compare with the kernel's on a set of programs, with a reproducer file per disagreement;
 * {@code withCalls} programs have bpf-to-bpf calls, {@code withCallsAgree} of them agree.
 */
public record DiffReport(int total, int agree, int modelAcceptKernelReject, int modelRejectKernelAccept, int bothReject,
        int sameErrno, int sameMessage, int kernelAccept, int withCalls, int withCallsAgree, List<String> reproducers) {
    public DiffReport {
        reproducers = List.copyOf(reproducers);
    }
}
