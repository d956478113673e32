package io.kflab.verifier.resolve;

import io.kflab.bpf.sys.Errno;
import java.util.Objects;
import java.util.Optional;

/** What happens to a kfunc call from a calling context under a design: the verifier's answer at load and the kfunc's at run time. */
public sealed interface Verdict {

    /** The three outcomes a matrix cell shows. */
    enum Kind { ALLOWED_AT_LOAD, REJECTED_AT_LOAD, ALLOWED_FAILS_AT_RUNTIME }

    Kind kind();

    /** The kfunc the call ends up calling, if it loads. */
    Optional<String> resolvesTo();

    /** One line: the kernel's message or the deciding fact. */
    String message();

    /** Loads; calls {@code resolvesTo} (maybe another kfunc than the one named); {@code note} says why or how it behaves. */
    record AllowedAtLoad(String kfunc, String note) implements Verdict {
        public AllowedAtLoad {
            Objects.requireNonNull(kfunc);
            Objects.requireNonNull(note);
        }
        @Override public Kind kind() { return Kind.ALLOWED_AT_LOAD; }
        @Override public Optional<String> resolvesTo() { return Optional.of(kfunc); }
        @Override public String message() { return note; }
    }

    /** The verifier refuses the program: its log line and errno. */
    record RejectedAtLoad(String log, Errno errno) implements Verdict {
        public RejectedAtLoad {
            Objects.requireNonNull(log);
            Objects.requireNonNull(errno);
        }
        @Override public Kind kind() { return Kind.REJECTED_AT_LOAD; }
        @Override public Optional<String> resolvesTo() { return Optional.empty(); }
        @Override public String message() { return log + " (" + errno.name() + ")"; }
    }

    /** Loads, but the kfunc's run-time check fails when the call executes (sched_ext: scx_ops_error, the scheduler is ejected). */
    record AllowedFailsAtRuntime(String kfunc, String error) implements Verdict {
        public AllowedFailsAtRuntime {
            Objects.requireNonNull(kfunc);
            Objects.requireNonNull(error);
        }
        @Override public Kind kind() { return Kind.ALLOWED_FAILS_AT_RUNTIME; }
        @Override public Optional<String> resolvesTo() { return Optional.of(kfunc); }
        @Override public String message() { return error; }
    }
}
