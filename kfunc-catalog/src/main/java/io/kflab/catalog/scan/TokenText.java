package io.kflab.catalog.scan;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.misc.Interval;

/** C token sequences written back as normalised text ({@code struct task_struct *p}). */
final class TokenText {
    private TokenText() {}

    static String of(BufferedTokenStream tokens, int start, int stop) {
        if (stop < start) return "";
        List<Token> list = tokens.get(start, stop).stream()
                .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF).toList();
        StringBuilder sb = new StringBuilder();
        String prev = null;
        for (int i = 0; i < list.size(); i++) {
            String s = list.get(i).getText();
            boolean pointerDeclarator = s.equals("(") && i + 1 < list.size() && list.get(i + 1).getText().equals("*");
            if (prev != null && (space(prev, s) || pointerDeclarator)) sb.append(' ');
            sb.append(s);
            prev = s;
        }
        return sb.toString();
    }

    static String of(BufferedTokenStream tokens, Interval interval) {
        return of(tokens, interval.a, interval.b);
    }

    private static boolean space(String prev, String next) {
        if (prev.equals("(") || prev.equals("[") || prev.equals("*") || prev.equals("&") || prev.equals(".")
                || prev.equals("!") || prev.equals("~")) return false;
        return !(next.equals(")") || next.equals("]") || next.equals(",") || next.equals("(") && ident(prev)
                || next.equals(";") || next.equals("[") || next.equals("."));
    }

    private static boolean ident(String s) {
        return !s.isEmpty() && Character.isJavaIdentifierPart(s.charAt(s.length() - 1));
    }

    /** Preprocessor line text without {@code #directive}, comments and line continuations. */
    static String directiveArgument(String line) {
        String s = line.replaceAll("/\\*(?s:.*?)\\*/", " ").replaceAll("//.*", "").replace("\\\r\n", " ")
                .replace("\\\n", " ");
        s = s.strip();
        if (s.startsWith("#")) s = s.substring(1).strip();
        int i = 0;
        while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
        return s.substring(i).strip().replaceAll("\\s+", " ");
    }

    /** The directive word of a preprocessor line ({@code if}, {@code ifdef}, {@code define}, ...). */
    static String directive(String line) {
        String s = line.strip();
        if (s.startsWith("#")) s = s.substring(1).strip();
        int i = 0;
        while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
        return s.substring(0, i);
    }
}
