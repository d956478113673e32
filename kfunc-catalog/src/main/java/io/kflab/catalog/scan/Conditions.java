package io.kflab.catalog.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The {@code #if} nesting of one file, as the condition in force after each preprocessor token;
 * unbalanced {@code #else}/{@code #endif} produce warnings.
 */
final class Conditions {
    private final int[] at;
    private final Condition[] condition;

    private Conditions(int[] at, Condition[] condition) {
        this.at = at;
        this.condition = condition;
    }

    /** The condition in force at the token with this index. */
    Condition at(int tokenIndex) {
        int i = Arrays.binarySearch(at, tokenIndex);
        if (i < 0) i = -i - 2;
        return i < 0 ? Condition.ALWAYS : condition[i];
    }

    private static final class Frame {
        final List<String> prior = new ArrayList<>();
        String current;
        final boolean guard;

        Frame(String current, boolean guard) {
            this.current = current;
            this.guard = guard;
        }

        String clause() {
            List<String> parts = new ArrayList<>();
            prior.forEach(p -> parts.add(not(p)));
            if (current != null) parts.add(current);
            return String.join(" && ", parts);
        }
    }

    static Conditions of(List<Token> preproc, String file, List<ScanWarning> warnings) {
        List<Integer> idx = new ArrayList<>();
        List<Condition> conds = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        for (int k = 0; k < preproc.size(); k++) {
            Token t = preproc.get(k);
            String text = t.getText();
            String dir = TokenText.directive(text);
            String arg = TokenText.directiveArgument(text);
            SourceLine where = new SourceLine(file, t.getLine());
            switch (dir) {
                case "if" -> stack.push(new Frame(arg, false));
                case "ifdef" -> stack.push(new Frame("defined(" + arg + ")", false));
                case "ifndef" -> stack.push(new Frame("!defined(" + arg + ")", isGuard(preproc, k, arg, stack)));
                case "elif", "elifdef", "elifndef" -> {
                    if (stack.isEmpty()) {
                        warnings.add(new ScanWarning(where, "#" + dir + " without #if"));
                        continue;
                    }
                    Frame f = stack.peek();
                    if (f.current != null) f.prior.add(f.current);
                    f.current = dir.equals("elif") ? arg
                            : dir.equals("elifdef") ? "defined(" + arg + ")" : "!defined(" + arg + ")";
                }
                case "else" -> {
                    if (stack.isEmpty()) {
                        warnings.add(new ScanWarning(where, "#else without #if"));
                        continue;
                    }
                    Frame f = stack.peek();
                    if (f.current != null) f.prior.add(f.current);
                    f.current = null;
                }
                case "endif" -> {
                    if (stack.isEmpty()) {
                        warnings.add(new ScanWarning(where, "#endif without #if"));
                        continue;
                    }
                    stack.pop();
                }
                default -> {
                    continue;
                }
            }
            idx.add(t.getTokenIndex());
            conds.add(snapshot(stack));
        }
        return new Conditions(idx.stream().mapToInt(Integer::intValue).toArray(), conds.toArray(Condition[]::new));
    }

    private static boolean isGuard(List<Token> preproc, int k, String name, Deque<Frame> stack) {
        if (!stack.isEmpty() || k + 1 >= preproc.size()) return false;
        for (int j = 0; j < k; j++) {
            String d = TokenText.directive(preproc.get(j).getText());
            if (!d.equals("define") && !d.equals("undef")) return false;
        }
        String next = preproc.get(k + 1).getText();
        return TokenText.directive(next).equals("define")
                && TokenText.directiveArgument(next).split("[\\s(]", 2)[0].equals(name);
    }

    private static Condition snapshot(Deque<Frame> stack) {
        List<String> clauses = new ArrayList<>();
        stack.descendingIterator().forEachRemaining(f -> {
            if (!f.guard) clauses.add(f.clause());
        });
        return clauses.isEmpty() ? Condition.ALWAYS : new Condition(clauses);
    }

    static String not(String c) {
        if (c.startsWith("!defined(") && c.indexOf(')') == c.length() - 1) return c.substring(1);
        if (c.startsWith("defined(") && c.indexOf(')') == c.length() - 1) return "!" + c;
        if (c.matches("[A-Za-z_][A-Za-z_0-9]*(\\([A-Za-z_0-9]*\\))?")) return "!" + c;
        return "!(" + c + ")";
    }
}
