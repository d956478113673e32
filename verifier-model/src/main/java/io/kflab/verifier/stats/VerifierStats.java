package io.kflab.verifier.stats;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One verifier's figures for one program (kernel: what {@code print_verification_stats} prints at
 * BPF_LOG_STATS, the columns of veristat).
 *
 * @param accepted the verdict
 * @param errno the errno name of a rejection, "" when accepted
 * @param timeUs median verification time in microseconds over the repetitions
 * @param insns processed instructions
 * @param totalStates states stored
 * @param peakStates most states alive at once
 */
public record VerifierStats(boolean accepted, String errno, double timeUs, int insns, int totalStates, int peakStates) {
    private static final Pattern TIME = Pattern.compile("^verification time (\\d+) usec$", Pattern.MULTILINE);
    private static final Pattern PROCESSED = Pattern.compile(
            "^processed (\\d+) insns \\(limit \\d+\\) max_states_per_insn \\d+ total_states (\\d+) peak_states (\\d+)",
            Pattern.MULTILINE);

    /** The "verification time N usec" line of a BPF_LOG_STATS log. */
    public static OptionalDouble timeUs(String log) {
        Matcher m = TIME.matcher(log);
        return m.find() ? OptionalDouble.of(Long.parseLong(m.group(1))) : OptionalDouble.empty();
    }

    /** {insns, total_states, peak_states} of the "processed N insns ..." line; zeros when the log has none. */
    public static int[] processed(String log) {
        Matcher m = PROCESSED.matcher(log);
        if (!m.find()) return new int[3];
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }
}
