package io.kflab.verifier.selftest;

import java.util.List;
import java.util.Optional;

/**
 * What the running kernel did with one selftest case (kernel: BPF_PROG_LOAD's verdict and log,
 * BPF_PROG_TEST_RUN's retval) compared with the case's privileged expectations.
 *
 * @param expectedSuccess the verdict the test expects
 * @param accepted the kernel's verdict; empty when not run (see {@code notRun})
 * @param errno the load's errno when rejected
 * @param messagesMatched whether every expected message was found in order
 * @param missingMessage the first expected message not found
 * @param retvalMatched empty when no run was expected or possible, else whether every run returned the expected R0
 * @param retvals R0 of each run
 * @param notRun why the case was not run at all (unsupported, map creation failed, not privileged-tested)
 * @param unprivileged always "not run": unprivileged BPF is disabled on this machine
 * @param log the verifier log
 */
public record KernelVerdict(String caseId, boolean expectedSuccess, Optional<Boolean> accepted, String errno,
                            boolean messagesMatched, Optional<String> missingMessage, Optional<Boolean> retvalMatched,
                            List<Integer> retvals, Optional<String> notRun, String unprivileged, String log) {
    /** Whether the kernel agrees with the test on everything checked (verdict, messages, retval). */
    public boolean agrees() {
        return notRun.isEmpty() && accepted.orElse(!expectedSuccess) == expectedSuccess && messagesMatched
                && retvalMatched.orElse(true);
    }

    /** Whether the verdict agrees (messages and retval aside). */
    public boolean verdictAgrees() {
        return notRun.isEmpty() && accepted.orElse(!expectedSuccess) == expectedSuccess;
    }
}
