package io.kflab.verifier.selftest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The selftests' expected-log matching (kernel: test_loader.c's __msg patterns, test_verifier.c's
 * cmp_str_seq): every expected part must occur in the log in order, each after the previous; in
 * a part, text between {{ and }} is a POSIX extended regex, the rest is literal.
 */
public final class LogMatcher {
    private LogMatcher() {}

    /** The first expected part that is not found (in order), or empty when all are. */
    public static Optional<String> firstMissing(String log, List<String> expected) {
        int from = 0;
        for (String part : expected) {
            Matcher m = compile(part).matcher(log);
            if (!m.find(from)) return Optional.of(part);
            from = m.end();
        }
        return Optional.empty();
    }

    static Pattern compile(String part) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < part.length()) {
            int open = part.indexOf("{{", i);
            if (open < 0) {
                re.append(Pattern.quote(part.substring(i)));
                break;
            }
            int close = part.indexOf("}}", open + 2);
            if (close < 0) {
                re.append(Pattern.quote(part.substring(i)));
                break;
            }
            if (open > i) re.append(Pattern.quote(part.substring(i, open)));
            re.append("(?:").append(part, open + 2, close).append(')');
            i = close + 2;
        }
        try {
            return Pattern.compile(re.toString());
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(part));
        }
    }
}
