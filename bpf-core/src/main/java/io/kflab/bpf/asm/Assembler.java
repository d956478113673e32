package io.kflab.bpf.asm;

import io.kflab.bpf.asm.BpfAsmParser.*;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.*;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Assembles LLVM BPF assembly (the kernel selftests' inline-asm syntax) into instruction slots.
 * Also accepts the verifier log's forms and kflab's own printer output, so printing and parsing
 * round-trip.
 */
public final class Assembler {
    private final SymbolTable symbols;

    public Assembler(SymbolTable symbols) {
        this.symbols = symbols;
    }

    public static Assembler builtin() {
        return new Assembler(SymbolTable.builtin());
    }

    /** Assembles and decodes: a program of valid instructions. */
    public Program program(String text, String source) {
        return assemble(text, source).program();
    }

    /**
     * Assembles {@code text}.
     *
     * @param source the file name used in error locations
     * @throws BadInputException with {@code source:line:column} and what was expected
     */
    public Assembled assemble(String text, String source) {
        ProgramContext tree = parse(text, source);
        List<BodyContext> bodies = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        int slot = 0;
        for (StatementContext st : tree.statement()) {
            for (LabelContext l : st.label()) {
                String name = l.name.getText();
                if (labels.putIfAbsent(name, slot) != null) {
                    throw error(source, l.name.getStart(), "label '" + name + "' is defined twice");
                }
            }
            if (st.instruction() != null) {
                BodyContext body = st.instruction().body();
                bodies.add(body);
                slot += body instanceof LdImm64Context ? 2 : 1;
            }
        }
        Emitter emitter = new Emitter(source, labels, symbols);
        for (BodyContext body : bodies) emitter.emit(body);
        return new Assembled(source, emitter.slots, emitter.lines);
    }

    private static ProgramContext parse(String text, String source) {
        BpfAsmLexer lexer = new BpfAsmLexer(CharStreams.fromString(text, source));
        BpfAsmParser parser = new BpfAsmParser(new CommonTokenStream(lexer));
        ANTLRErrorListener listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg,
                    RecognitionException e) {
                String found = offending instanceof Token t ? describe(t) : "input";
                String expected = expectation(r, e, offending);
                throw new BadInputException(source + ":" + line + ":" + (col + 1),
                        "unexpected " + found + "; expected " + expected);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        return parser.program();
    }

    private static String describe(Token t) {
        return t.getType() == Token.EOF ? "end of input"
                : t.getType() == BpfAsmLexer.NEWLINE ? "end of line" : "'" + t.getText() + "'";
    }

    private static String expectation(Recognizer<?, ?> r, RecognitionException e, Object offending) {
        if (r instanceof Parser p && offending instanceof Token) {
            try {
                var expected = p.getExpectedTokens();
                if (expected.size() > 0 && expected.size() <= 4) {
                    return expected.toString(p.getVocabulary()).replace("{", "").replace("}", "")
                            .replace("NEWLINE", "end of line").replace("REG", "a register")
                            .replace("NUMBER", "a number").replace("IDENT", "a name");
                }
            } catch (RuntimeException ignored) {
                // fall through to the generic expectation
            }
        }
        return "an instruction (e.g. 'r0 = 0', 'if r1 > r2 goto l0', 'exit') or a label";
    }

    static BadInputException error(String source, Token at, String message) {
        return new BadInputException(source + ":" + at.getLine() + ":" + (at.getCharPositionInLine() + 1), message);
    }

    static BadInputException error(String source, ParserRuleContext at, String message) {
        return error(source, at.getStart(), message);
    }

    static BadInputException error(String source, TerminalNode at, String message) {
        return error(source, at.getSymbol(), message);
    }
}
