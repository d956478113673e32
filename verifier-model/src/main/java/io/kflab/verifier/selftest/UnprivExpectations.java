package io.kflab.verifier.selftest;

import java.util.List;
import java.util.OptionalLong;

/** What a selftest expects when loaded without CAP_BPF/CAP_SYS_ADMIN (kernel: __success_unpriv, __msg_unpriv, errstr_unpriv, result_unpriv, retval_unpriv). */
public record UnprivExpectations(boolean expectSuccess, List<String> expectedMessages, OptionalLong retval) {
    public UnprivExpectations {
        expectedMessages = List.copyOf(expectedMessages);
    }
}
