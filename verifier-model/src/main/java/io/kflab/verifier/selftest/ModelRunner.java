package io.kflab.verifier.selftest;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.verifier.check.Verdict;
import io.kflab.verifier.check.Verifier;
import io.kflab.verifier.check.VerifyOptions;
import io.kflab.verifier.state.MapDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs an imported selftest on kflab's verifier model instead of the kernel: maps become model maps behind stand-in fds. */
public final class ModelRunner {
    private ModelRunner() {}

    /** The fd the model uses for the case's i-th map (any number works; the model has no fd table). */
    static final int FIRST_FD = 1000;

    /** The model's verdict on the case, and whether it meets the case's expectations. */
    public record ModelVerdict(String caseId, boolean expectedSuccess, boolean accepted, String errno, String message,
            boolean messagesMatched, String firstMissing) {
        /** Accepted as expected, or rejected as expected with the expected messages. */
        public boolean agrees() {
            return accepted == expectedSuccess && (accepted || messagesMatched);
        }

        public boolean verdictAgrees() {
            return accepted == expectedSuccess;
        }
    }

    public static ModelVerdict run(SelftestCase c) {
        List<RawInsn> slots = new ArrayList<>(c.slots());
        Map<Integer, MapDef> maps = new HashMap<>();
        for (int i = 0; i < c.maps().size(); i++) {
            MapSpec m = c.maps().get(i);
            int fd = FIRST_FD + i;
            maps.put(fd, new MapDef(m.type().value(), m.keySize(), m.valueSize(), m.maxEntries(), m.flags()));
            for (int at : m.fixupSlots()) {
                RawInsn s = slots.get(at);
                slots.set(at, new RawInsn(s.code(), s.dst(), s.src(), s.off(), fd));
            }
        }
        VerifyOptions opts = VerifyOptions.of(c.progType()).withMaps(maps).withLogLevel(Math.max(1, c.logLevel()))
                .withSleepable((c.flags() & 16) != 0);
        Verdict v = Verifier.verify(slots, opts);
        java.util.Optional<String> missing = LogMatcher.firstMissing(v.log(), c.expectedMessages());
        return new ModelVerdict(c.id(), c.expectSuccess(), v.accepted(), v.errno(), v.message(),
                missing.isEmpty(), missing.orElse(""));
    }
}
