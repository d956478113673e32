package io.kflab.verifier.selftest;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.verifier.selftest.SelftestCParser.ExprContext;
import io.kflab.verifier.selftest.SelftestCParser.FileContext;
import io.kflab.verifier.selftest.SelftestCParser.StringContext;
import java.util.function.Function;
import org.antlr.v4.runtime.*;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Lexing and parsing of the selftests' C subset (grammar SelftestC): every syntax error is a {@link BadInputException} at file:line:column. */
final class SelftestSyntax {
    private SelftestSyntax() {}

    /** Parses a whole selftest file (after the preprocessor's conditionals). */
    static FileContext parseFile(String text, String file) {
        return parse(SelftestPreprocessor.process(text, file), file, SelftestCParser::file);
    }

    /** Parses one C expression, e.g. a #define body or an #if condition. */
    static ExprContext parseExpr(String text, String where) {
        return parse(text, where, p -> {
            ExprContext e = p.expr();
            if (p.getCurrentToken().getType() != Token.EOF) {
                Token t = p.getCurrentToken();
                throw new BadInputException(where + ":" + t.getLine() + ":" + (t.getCharPositionInLine() + 1),
                        "unexpected '" + t.getText() + "' after the expression");
            }
            return e;
        });
    }

    private static <T> T parse(String text, String source, Function<SelftestCParser, T> rule) {
        SelftestCLexer lexer = new SelftestCLexer(CharStreams.fromString(text, source));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        SelftestCParser parser = new SelftestCParser(tokens);
        ANTLRErrorListener listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg, RecognitionException e) {
                String found = offending instanceof Token t
                        ? (t.getType() == Token.EOF ? "end of file" : "'" + abbreviate(t.getText()) + "'") : "input";
                throw new BadInputException(source + ":" + line + ":" + (col + 1), "unexpected " + found + " (" + abbreviate(msg) + ")");
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException e) {
            // SLL was not enough (or the input is bad): retry with full LL and report errors exactly
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.apply(parser);
        } catch (StackOverflowError e) {
            throw new BadInputException(source + ":1:1", "nesting too deep");
        }
    }

    static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    /** file:line:column of a token. */
    static String at(String file, Token t) {
        return file + ":" + t.getLine() + ":" + (t.getCharPositionInLine() + 1);
    }

    static String at(String file, ParserRuleContext c) {
        return at(file, c.getStart());
    }

    /** The value of adjacent C string literals: line splices removed, escapes decoded. */
    static String string(StringContext s, String file) {
        StringBuilder out = new StringBuilder();
        for (TerminalNode t : s.STRING()) decode(t.getSymbol(), file, out);
        return out.toString();
    }

    private static void decode(Token tok, String file, StringBuilder out) {
        String raw = tok.getText();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char n = raw.charAt(++i);
            switch (n) {
                case '\n' -> { }
                case '\r' -> { if (i + 1 < raw.length() - 1 && raw.charAt(i + 1) == '\n') i++; }
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\013');
                case 'e' -> out.append('\033');
                case 'x' -> {
                    int j = i + 1;
                    while (j < raw.length() - 1 && Character.digit(raw.charAt(j), 16) >= 0) j++;
                    if (j == i + 1) throw new BadInputException(at(file, tok), "\\x without hex digits");
                    out.append((char) (Integer.parseUnsignedInt(raw.substring(i + 1, Math.min(j, i + 9)), 16) & 0xff));
                    i = j - 1;
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int j = i;
                        while (j < raw.length() - 1 && j < i + 3 && raw.charAt(j) >= '0' && raw.charAt(j) <= '7') j++;
                        out.append((char) (Integer.parseInt(raw.substring(i, j), 8) & 0xff));
                        i = j - 1;
                    } else {
                        out.append(n);
                    }
                }
            }
        }
    }
}
