package io.kflab.catalog.dsl;

import io.kflab.bpf.diag.BadInputException;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** Parses the text of one {@code .kfl} design file into its syntax tree (no cross-references checked). */
public final class DesignParser {
    private DesignParser() {}

    /**
     * @param file the name used in locations
     * @throws BadInputException on a syntax error or a malformed prototype, located {@code file:line:column}
     */
    public static DesignFile parse(String text, String file) {
        KflLexer lexer = new KflLexer(CharStreams.fromString(text, file));
        KflParser parser = new KflParser(new CommonTokenStream(lexer));
        SyntaxMessages errors = new SyntaxMessages(file);
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        try {
            return new AstBuilder(file).file(parser.file());
        } catch (StackOverflowError e) {
            throw new BadInputException(file + ":1:1", "expected a design file, found nesting too deep to read");
        }
    }
}
