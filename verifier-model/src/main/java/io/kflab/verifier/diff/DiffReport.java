package io.kflab.verifier.diff;

import java.util.List;

/** How the model's verdicts compare with the kernel's on a set of programs, with a reproducer file per disagreement. */
public record DiffReport(int total, int agree, int modelAcceptKernelReject, int modelRejectKernelAccept, int bothReject,
        int sameErrno, int sameMessage, int kernelAccept, List<String> reproducers) {
    public DiffReport {
        reproducers = List.copyOf(reproducers);
    }
}
