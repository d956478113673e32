package io.kflab.verifier.selftest;

import io.kflab.bpf.diag.BadInputException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C preprocessor's conditional inclusion (#if, #ifdef, #elif, #else, #endif) as a BPF-target
 * clang build on x86_64 sees it; inactive lines become empty so that line numbers are kept.
 */
final class SelftestPreprocessor {
    /** Macros predefined when clang compiles the selftests for the BPF target on x86_64. */
    static final Set<String> PREDEFINED = Set.of("__clang__", "__bpf__", "__BPF__", "__TARGET_ARCH_x86",
            "bpf_target_x86", "bpf_target_defined", "__BPF_FEATURE_ADDR_SPACE_CAST", "__BPF_FEATURE_MAY_GOTO",
            "__BYTE_ORDER__", "__ORDER_LITTLE_ENDIAN__", "__ORDER_BIG_ENDIAN__", "__LITTLE_ENDIAN_BITFIELD",
            "ENABLE_ATOMICS_TESTS", "CAN_USE_GOTOL", "CAN_USE_LOAD_ACQ_STORE_REL");

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*(if|ifdef|ifndef|elif|else|endif|define|undef)\\b(.*)$", Pattern.DOTALL);
    private static final Pattern DEFINE_NAME = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private SelftestPreprocessor() {}

    private record Frame(boolean parentActive, boolean taken, boolean active, int line) {}

    static String process(String text, String file) {
        String[] lines = text.split("\n", -1);
        Set<String> defined = new HashSet<>(PREDEFINED);
        Deque<Frame> stack = new ArrayDeque<>();
        boolean active = true;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            StringBuilder logical = new StringBuilder(lines[i]);
            int first = i;
            while (endsWithBackslash(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1 - (logical.charAt(logical.length() - 1) == '\r' ? 1 : 0));
                logical.append(' ').append(lines[++i]);
            }
            Matcher m = DIRECTIVE.matcher(logical);
            String kind = m.matches() ? m.group(1) : null;
            boolean keep;
            if (kind == null || kind.equals("define") || kind.equals("undef")) {
                keep = active;
                if (active && kind != null) {
                    Matcher n = DEFINE_NAME.matcher(m.group(2));
                    if (n.find()) {
                        if (kind.equals("define")) defined.add(n.group(1));
                        else defined.remove(n.group(1));
                    }
                }
            } else {
                keep = false;
                String arg = stripComment(m.group(2));
                switch (kind) {
                    case "if", "ifdef", "ifndef" -> {
                        boolean cond = active && eval(kind, arg, defined, file, first + 1);
                        stack.push(new Frame(active, cond, active && cond, first + 1));
                        active = active && cond;
                    }
                    case "elif" -> {
                        Frame f = pop(stack, file, first + 1, kind);
                        boolean cond = f.parentActive() && !f.taken() && eval("if", arg, defined, file, first + 1);
                        stack.push(new Frame(f.parentActive(), f.taken() || cond, cond, f.line()));
                        active = cond;
                    }
                    case "else" -> {
                        Frame f = pop(stack, file, first + 1, kind);
                        boolean cond = f.parentActive() && !f.taken();
                        stack.push(new Frame(f.parentActive(), true, cond, f.line()));
                        active = cond;
                    }
                    default -> active = pop(stack, file, first + 1, kind).parentActive();
                }
            }
            for (int j = first; j <= i; j++) {
                if (keep) out.append(lines[j]);
                if (j < lines.length - 1) out.append('\n');
            }
        }
        if (!stack.isEmpty()) throw new BadInputException(file + ":" + stack.peek().line() + ":1", "#if without #endif");
        return out.toString();
    }

    private static boolean endsWithBackslash(CharSequence s) {
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == '\r') n--;
        return n > 0 && s.charAt(n - 1) == '\\';
    }

    private static String stripComment(String s) {
        int c = s.indexOf("/*");
        if (c >= 0) {
            int e = s.indexOf("*/", c + 2);
            s = e < 0 ? s.substring(0, c) : s.substring(0, c) + " " + s.substring(e + 2);
        }
        int l = s.indexOf("//");
        return l >= 0 ? s.substring(0, l) : s;
    }

    private static Frame pop(Deque<Frame> stack, String file, int line, String kind) {
        if (stack.isEmpty()) throw new BadInputException(file + ":" + line + ":1", "#" + kind + " without #if");
        return stack.pop();
    }

    private static boolean eval(String kind, String arg, Set<String> defined, String file, int line) {
        String a = arg.trim();
        if (kind.equals("ifdef")) return defined.contains(a);
        if (kind.equals("ifndef")) return !defined.contains(a);
        String replaced = Pattern.compile("defined\\s*\\(?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)?").matcher(a)
                .replaceAll(r -> defined.contains(r.group(1)) ? "1" : "0");
        try {
            return ConstEval.evaluateCondition(replaced, file + ":" + line) != 0;
        } catch (BadInputException e) {
            throw new BadInputException(file + ":" + line + ":1", "cannot evaluate #" + kind + " " + a + ": " + e.getMessage());
        }
    }
}
