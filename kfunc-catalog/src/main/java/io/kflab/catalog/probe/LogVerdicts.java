package io.kflab.catalog.probe;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a BPF_PROG_LOAD verifier log of a minimal kfunc caller (kernel: the messages of
 * {@code check_kfunc_call}, {@code add_kfunc_call} and the log-level-1 instruction trace of
 * {@code do_check}).
 */
public final class LogVerdicts {
    private LogVerdicts() {}

    private static final Pattern NOT_ALLOWED = Pattern.compile("calling kernel function \\S+ is not allowed");
    private static final Pattern MUST_BE_SLEEPABLE = Pattern.compile("program must be sleepable to call sleepable kfunc \\S+");
    /** The do_check trace line of the call instruction: the verifier reached check_kfunc_call. */
    private static final Pattern CALL_REACHED = Pattern.compile("(?m)^\\d+: \\(85\\) call ");
    private static final Pattern STATS = Pattern.compile("^(processed \\d+ insns|verification time|stack depth|peak_states|mark_read)");

    /** A verdict with its deciding log line. */
    public record Classification(Verdict verdict, String line) {}

    /**
     * Classifies one load.
     *
     * @param accepted whether the program loaded
     * @param log the verifier log (level 1)
     */
    public static Classification classify(boolean accepted, String log) {
        Matcher deny = NOT_ALLOWED.matcher(log);
        if (deny.find()) return new Classification(Verdict.DENY, deny.group());
        Matcher sleep = MUST_BE_SLEEPABLE.matcher(log);
        if (sleep.find()) return new Classification(Verdict.SLEEPABLE_ONLY, sleep.group());
        if (accepted) return new Classification(Verdict.ALLOW, "");
        String last = lastMessage(log);
        if (CALL_REACHED.matcher(log).find()) return new Classification(Verdict.ALLOW, last);
        return new Classification(Verdict.UNDECIDED, last);
    }

    /** The verifier's last message: the last non-blank line before the statistics lines. */
    public static String lastMessage(String log) {
        List<String> lines = log.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!STATS.matcher(lines.get(i)).find()) return lines.get(i);
        }
        return "";
    }
}
