package io.kflab.verifier.structops.diff;

/**
 * What one step answered: success (with the value that matters: an update's return, a test run's
 * retval, a name's presence) or an errno, plus a detail (what a lookup or test run showed) and the
 * verifier log line of a load.
 */
public record Outcome(String step, boolean ok, String errno, long value, String detail, String log) {
    /** Whether the kernel's outcome {@code kernel} agrees with this model outcome: same verdict, errno,
     * value and detail; the model's log line (when it has one) appears in the kernel's log. */
    public boolean agrees(Outcome kernel) {
        return ok == kernel.ok && errno.equals(kernel.errno) && value == kernel.value && detail.equals(kernel.detail)
                && (log.isEmpty() || kernel.log.contains(log));
    }

    /** The log's last line that is not the "processed N insns" statistics line. */
    static String verdictLine(String log) {
        String[] lines = log.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank() && !lines[i].startsWith("processed ")) return lines[i].strip();
        }
        return "";
    }

    /** One line: {@code ok}, {@code ok 1}, {@code EINVAL: message}, with the detail. */
    public String brief() {
        String s = ok ? (value != 0 ? "ok " + value : "ok") : errno;
        if (!log.isEmpty() && !ok) s += ": " + verdictLine(log);
        if (!detail.isEmpty()) s += " [" + detail + "]";
        return s;
    }
}
