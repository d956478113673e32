package io.kflab.catalog.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Scans one kernel C source text for kfunc declarations (the island grammar {@code KfuncScan.g4}). */
public final class KfuncScanner {
    /** Strings whose presence makes a file worth parsing. */
    public static final List<String> TRIGGERS = List.of("BTF_ID_FLAGS", "BTF_KFUNCS_START", "BTF_SET8_START",
            "btf_kfunc_id_set", "register_btf_fmodret_id_set", "__bpf_kfunc", "bpf_prog_type_to_kfunc_hook",
            "match_suffix", "define KF_");

    private KfuncScanner() {}

    /** True when the text contains one of the {@link #TRIGGERS}. */
    public static boolean interesting(CharSequence text) {
        String s = text.toString();
        for (String t : TRIGGERS) if (s.contains(t)) return true;
        return false;
    }

    /** Scans {@code text}, reporting places as {@code file:line}. Never throws on odd input. */
    public static ScanResult scan(String file, String text) {
        List<ScanWarning> warnings = new ArrayList<>();
        try {
            return new FileScan(file, text, warnings).run();
        } catch (StackOverflowError | RuntimeException e) {
            warnings.add(new ScanWarning(new SourceLine(file, 0), "scan abandoned: " + e));
            return new ScanResult(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), warnings);
        }
    }

    private static final class FileScan extends KfuncScanBaseVisitor<Void> {
        private static final Set<Integer> TRIGGER_TOKENS = Set.of(KfuncScanParser.BTF_KFUNCS_START,
                KfuncScanParser.BTF_KFUNCS_END, KfuncScanParser.BTF_SET8_START, KfuncScanParser.BTF_SET8_END,
                KfuncScanParser.BTF_ID_FLAGS, KfuncScanParser.REGISTER_KFUNC_ID_SET,
                KfuncScanParser.REGISTER_FMODRET_ID_SET);

        private final String file;
        private final String text;
        private final List<ScanWarning> warnings;
        private CommonTokenStream tokens;
        private Conditions conditions;

        private final List<KfuncSet> sets = new ArrayList<>();
        private final List<KfuncIdSet> idSets = new ArrayList<>();
        private final List<Registration> registrations = new ArrayList<>();
        private final List<KfuncPrototype> prototypes = new ArrayList<>();
        private final List<KfFlagBit> flagBits = new ArrayList<>();
        private final List<HookMapping> hooks = new ArrayList<>();
        private final List<ArgSuffix> suffixes = new ArrayList<>();
        private final List<MacroUse> macroUses = new ArrayList<>();
        private final List<MacroDefinition> macros = new ArrayList<>();

        private KfuncScanParser.SetStartContext open;
        private List<SetEntry> openEntries;
        private int lastOddLine = -1;

        FileScan(String file, String text, List<ScanWarning> warnings) {
            this.file = file;
            this.text = text;
            this.warnings = warnings;
        }

        ScanResult run() {
            KfuncScanLexer lexer = new KfuncScanLexer(CharStreams.fromString(text, file));
            lexer.removeErrorListeners();
            tokens = new CommonTokenStream(lexer);
            tokens.fill();
            List<Token> preproc = tokens.getTokens().stream()
                    .filter(t -> t.getChannel() == Token.HIDDEN_CHANNEL).toList();
            conditions = Conditions.of(preproc, file, warnings);
            for (Token t : preproc) {
                if (TokenText.directive(t.getText()).equals("define")) define(t);
            }
            KfuncScanParser parser = new KfuncScanParser(tokens);
            parser.removeErrorListeners();
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg,
                        RecognitionException e) {
                    warnings.add(new ScanWarning(new SourceLine(file, line), "syntax: " + msg));
                }
            });
            for (KfuncScanParser.ItemContext item : parser.file().item()) visit(item);
            if (open != null) {
                warn(open.start, "kfunc set " + open.name.getText() + " is not closed");
                closeSet(open.start);
            }
            return new ScanResult(sets, idSets, registrations, prototypes, flagBits, hooks, suffixes, macroUses,
                    macros, warnings);
        }

        // ------------------------------------------------------------------ sets

        @Override
        public Void visitSetStart(KfuncScanParser.SetStartContext ctx) {
            if (open != null) {
                warn(ctx.start, "kfunc set " + open.name.getText() + " not closed before " + ctx.name.getText());
                closeSet(ctx.start);
            }
            open = ctx;
            openEntries = new ArrayList<>();
            return null;
        }

        @Override
        public Void visitSetEnd(KfuncScanParser.SetEndContext ctx) {
            if (open == null) {
                warn(ctx.start, ctx.kind.getText() + "(" + ctx.name.getText() + ") without a start");
                return null;
            }
            if (!open.name.getText().equals(ctx.name.getText()))
                warn(ctx.start, "kfunc set " + open.name.getText() + " ends as " + ctx.name.getText());
            closeSet(ctx.start);
            return null;
        }

        private void closeSet(Token where) {
            sets.add(new KfuncSet(open.name.getText(), open.kind.getText(), openEntries,
                    conditions.at(open.start.getTokenIndex()), line(open.start)));
            open = null;
            openEntries = null;
        }

        @Override
        public Void visitIdFlags(KfuncScanParser.IdFlagsContext ctx) {
            List<String> flags = ctx.flagExpr() == null ? List.of()
                    : ctx.flagExpr().flag.stream().map(Token::getText).toList();
            if (!ctx.prefix.getText().equals("func"))
                warn(ctx.start, "BTF_ID_FLAGS with prefix " + ctx.prefix.getText());
            SetEntry e = new SetEntry(ctx.name.getText(), flags, conditions.at(ctx.start.getTokenIndex()),
                    line(ctx.start), "");
            if (openEntries == null) warn(ctx.start, "BTF_ID_FLAGS(" + e.name() + ") outside a kfunc set");
            else openEntries.add(e);
            return null;
        }

        // ------------------------------------------------------------------ id sets and registrations

        @Override
        public Void visitIdSetInit(KfuncScanParser.IdSetInitContext ctx) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (KfuncScanParser.DesignatorContext d : ctx.designator())
                fields.put(d.field.getText(), text(d.initValue()));
            if (!fields.containsKey("set")) warn(ctx.start, "btf_kfunc_id_set " + ctx.name.getText() + " without .set");
            idSets.add(new KfuncIdSet(ctx.name.getText(), fields, conditions.at(ctx.start.getTokenIndex()),
                    line(ctx.start)));
            return null;
        }

        @Override
        public Void visitRegistration(KfuncScanParser.RegistrationContext ctx) {
            List<KfuncScanParser.ArgContext> args = ctx.args().arg();
            boolean fmodret = ctx.fn.getType() == KfuncScanParser.REGISTER_FMODRET_ID_SET;
            if (args.stream().anyMatch(a -> declarationLike(text(a)))) return null; // prototype or definition
            int want = fmodret ? 1 : 2;
            if (args.size() != want) {
                warn(ctx.start, ctx.fn.getText() + " with " + args.size() + " arguments");
                return null;
            }
            String progType = fmodret ? "" : text(args.getFirst());
            String set = text(args.getLast());
            if (set.startsWith("&")) set = set.substring(1).strip();
            else warn(ctx.start, ctx.fn.getText() + ": id_set given as " + set);
            Registration r = new Registration(fmodret ? Registration.Kind.FMODRET : Registration.Kind.KFUNC, progType,
                    set, conditions.at(ctx.start.getTokenIndex()), line(ctx.start));
            if (!fmodret && !r.literalProgType())
                warn(ctx.start, "register_btf_kfunc_id_set: program type given as " + progType);
            registrations.add(r);
            return null;
        }

        private static boolean declarationLike(String arg) {
            return arg.matches("(const |enum |struct |unsigned )+.*") || arg.matches("[A-Za-z_0-9]+ \\**[A-Za-z_0-9]+");
        }

        // ------------------------------------------------------------------ prototypes

        @Override
        public Void visitKfuncProto(KfuncScanParser.KfuncProtoContext ctx) {
            String ret = ctx.spec.isEmpty() ? ""
                    : TokenText.of(tokens, ctx.spec.getFirst().start.getTokenIndex(),
                            ctx.spec.getLast().stop.getTokenIndex());
            List<KfuncParam> params = new ArrayList<>();
            if (ctx.params() != null) {
                for (KfuncScanParser.ParamContext p : ctx.params().param()) params.add(param(p));
            }
            if (params.size() == 1 && params.getFirst().text().equals("void")) params.clear();
            Token after = nextDefault(ctx.stop.getTokenIndex());
            boolean definition = after != null && after.getText().equals("{");
            if (ret.isEmpty()) warn(ctx.start, "__bpf_kfunc " + ctx.name.getText() + " without a return type");
            prototypes.add(new KfuncPrototype(ctx.name.getText(), ret, params, definition,
                    conditions.at(ctx.start.getTokenIndex()), line(ctx.start)));
            return null;
        }

        private KfuncParam param(KfuncScanParser.ParamContext p) {
            String all = text(p);
            List<Token> words = tokens.get(p.start.getTokenIndex(), p.stop.getTokenIndex()).stream()
                    .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).toList();
            // name: last identifier at depth 0, or for a function pointer the identifier after '(*'
            int depth = 0;
            Token name = null;
            Token fnPtr = null;
            for (int i = 0; i < words.size(); i++) {
                Token t = words.get(i);
                String s = t.getText();
                if (s.equals("(")) {
                    depth++;
                    if (depth == 1 && fnPtr == null && i + 2 < words.size() && words.get(i + 1).getText().equals("*")
                            && words.get(i + 2).getType() == KfuncScanParser.ID) fnPtr = words.get(i + 2);
                } else if (s.equals(")")) depth--;
                else if (depth == 0 && t.getType() == KfuncScanParser.ID) name = t;
            }
            if (fnPtr != null) name = fnPtr;
            if (name == null || words.size() == 1 && fnPtr == null) return new KfuncParam(all, "", all);
            String type = fnPtr != null ? all
                    : TokenText.of(tokens, p.start.getTokenIndex(), name.getTokenIndex() - 1);
            if (fnPtr == null && name.getTokenIndex() < p.stop.getTokenIndex()) {
                type = type + " " + TokenText.of(tokens, name.getTokenIndex() + 1, p.stop.getTokenIndex());
            }
            return new KfuncParam(type.strip(), name.getText(), all);
        }

        // ------------------------------------------------------------------ hook table and suffixes

        @Override
        public Void visitTypeCase(KfuncScanParser.TypeCaseContext ctx) {
            for (Token t : ctx.progType) hooks.add(new HookMapping(t.getText(), ctx.hook.getText(), line(t)));
            return null;
        }

        @Override
        public Void visitDefaultCase(KfuncScanParser.DefaultCaseContext ctx) {
            hooks.add(new HookMapping(HookMapping.DEFAULT, ctx.hook.getText(), line(ctx.start)));
            return null;
        }

        @Override
        public Void visitSuffixCheck(KfuncScanParser.SuffixCheckContext ctx) {
            String lit = ctx.suffix.getText();
            String s = lit.substring(1, lit.length() - 1);
            if (s.matches("__[a-z][a-z0-9_]*")) suffixes.add(new ArgSuffix(s, ctx.callee.getText(), line(ctx.suffix)));
            return null;
        }

        // ------------------------------------------------------------------ everything else

        @Override
        public Void visitOther(KfuncScanParser.OtherContext ctx) {
            Token t = ctx.start;
            if (t.getType() == Token.EOF) return null;
            Token next = nextDefault(t.getTokenIndex());
            boolean call = next != null && next.getText().equals("(");
            boolean trigger = TRIGGER_TOKENS.contains(t.getType()) && call || t.getType() == KfuncScanParser.BPF_KFUNC;
            if (!trigger && (open == null || t.getLine() == lastOddLine)) return null;
            lastOddLine = t.getLine();
            if (trigger) {
                warn(t, t.getType() == KfuncScanParser.BPF_KFUNC ? "unfamiliar __bpf_kfunc declaration"
                        : "unfamiliar form of " + t.getText() + "(...)");
            } else if (t.getType() == KfuncScanParser.ID && !call) {
                macroUses.add(new MacroUse(open.name.getText(), t.getText(), line(t)));
                warn(t, "macro " + t.getText() + " inside kfunc set " + open.name.getText());
            } else {
                warn(t, "unrecognised text inside kfunc set " + open.name.getText() + ": " + t.getText());
            }
            return null;
        }

        @Override
        public Void visitItem(KfuncScanParser.ItemContext ctx) {
            return visitChildren(ctx);
        }

        // ------------------------------------------------------------------ #define lines

        private void define(Token t) {
            String arg = TokenText.directiveArgument(t.getText());
            KfuncScanLexer lexer = new KfuncScanLexer(CharStreams.fromString(arg));
            lexer.removeErrorListeners();
            CommonTokenStream ts = new CommonTokenStream(lexer);
            ts.fill();
            List<Token> toks = ts.getTokens();
            if (toks.isEmpty() || toks.getFirst().getType() != KfuncScanParser.ID) return;
            String name = toks.getFirst().getText();
            if (name.startsWith("KF_")) {
                KfuncScanParser p = new KfuncScanParser(ts);
                p.removeErrorListeners();
                p.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
                try {
                    KfuncScanParser.FlagDefineContext d = p.flagDefine();
                    String bit = d instanceof KfuncScanParser.ShiftDefineContext s
                            ? (s.base.getText().equals("1") ? s.bit.getText() : null)
                            : ((KfuncScanParser.BitDefineContext) d).fn.getText().equals("BIT")
                                    ? ((KfuncScanParser.BitDefineContext) d).bit.getText() : null;
                    if (bit != null && bit.matches("\\d{1,2}"))
                        flagBits.add(new KfFlagBit(name, Integer.parseInt(bit), line(t)));
                } catch (RuntimeException notAFlag) {
                    // another kind of KF_ macro
                }
            } else if (arg.contains("BTF_ID_FLAGS") && toks.size() > 1 && toks.get(1).getText().equals("(")
                    && toks.get(1).getStartIndex() == name.length()) {
                int close = arg.indexOf(')');
                if (close < 0) return;
                List<String> params = java.util.Arrays.stream(arg.substring(name.length() + 1, close).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                macros.add(new MacroDefinition(name, params, arg.substring(close + 1).strip(), line(t)));
            }
        }

        // ------------------------------------------------------------------ helpers

        private Token nextDefault(int index) {
            for (int i = index + 1; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.getChannel() == Token.DEFAULT_CHANNEL) return t.getType() == Token.EOF ? null : t;
            }
            return null;
        }

        private String text(ParserRuleContext ctx) {
            return TokenText.of(tokens, ctx.start.getTokenIndex(), ctx.stop.getTokenIndex());
        }

        private SourceLine line(Token t) {
            return new SourceLine(file, t.getLine());
        }

        private void warn(Token t, String message) {
            warnings.add(new ScanWarning(line(t), message));
        }
    }
}
