package io.kflab.verifier.selftest;

import io.kflab.verifier.selftest.SelftestCParser.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * One selftest source file after parsing, indexed: #defines, local structs, .maps definitions,
 * functions (with their SEC), extern __ksym declarations, other globals, struct bpf_test entries.
 */
final class SelftestSource {
    private static final Pattern DEFINE = Pattern.compile("#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)(\\()?(.*)", Pattern.DOTALL);

    /** A SEC("...") function. */
    record Program(String section, FunctionDefContext def) {}

    final String file;
    final Map<String, String> defines = new HashMap<>();
    final Set<String> functionMacros = new HashSet<>();
    final LocalStructs structs = new LocalStructs();
    final Map<String, StructDefContext> maps = new LinkedHashMap<>();
    final Map<String, FunctionDefContext> functions = new HashMap<>();
    final List<Program> programs = new ArrayList<>();
    final Set<String> ksyms = new HashSet<>();
    final Set<String> globals = new HashSet<>();
    final List<TestEntryContext> tests = new ArrayList<>();
    final List<MacroItemContext> macroTests = new ArrayList<>();
    final ConstEval eval;

    SelftestSource(String file, FileContext tree, KernelTypes kernel, Map<String, String> extraDefines) {
        this.file = file;
        defines.putAll(extraDefines);
        this.eval = new ConstEval(defines, structs, kernel);
        for (TopItemContext item : tree.topItem()) {
            switch (item) {
                case DefineItemContext d -> define(d.DEFINE().getText());
                case SecFunctionItemContext f -> {
                    String sec = SelftestSyntax.string(f.section, file);
                    functions.put(f.functionDef().name.getText(), f.functionDef());
                    programs.add(new Program(sec, f.functionDef()));
                }
                case PlainFunctionItemContext f -> functions.put(f.functionDef().name.getText(), f.functionDef());
                case StructItemContext s -> struct(s.structDef());
                case TestItemContext t -> tests.add(t.testEntry());
                case MacroItemContext m -> macroTests.add(m);
                case DeclarationItemContext d -> declaration(d.declaration());
                default -> { }
            }
        }
    }

    private void define(String text) {
        String t = text.replaceAll("\\\\\\r?\\n", " ").replaceAll("/\\*.*?\\*/", " ").replaceAll("//.*", "");
        Matcher m = DEFINE.matcher(t.strip());
        if (!m.matches()) return;
        if (m.group(2) != null) {
            functionMacros.add(m.group(1));
            defines.remove(m.group(1));
        } else if (!m.group(3).isBlank()) {
            defines.put(m.group(1), m.group(3).strip());
        }
    }

    private void struct(StructDefContext s) {
        if (s.declarator != null && s.section != null && SelftestSyntax.string(s.section, file).equals(".maps")) {
            maps.put(s.declarator.getText(), s);
            return;
        }
        if (s.tag != null) {
            List<LocalStructs.Field> fields = new ArrayList<>();
            for (MemberContext m : s.member()) fields.addAll(fields(tokens(m)));
            structs.define(s.tag.getText(), fields);
        }
        if (s.declarator != null) globals.add(s.declarator.getText());
    }

    private void declaration(DeclarationContext d) {
        List<String> toks = tokens(d);
        if (toks.contains("__ksym") || toks.contains("__weak") && toks.contains("extern")) {
            String name = lastIdentBeforeParen(toks);
            if (name != null) ksyms.add(name);
            return;
        }
        // a global variable: the identifier before '[', '=', SEC or ';' at depth 0
        int depth = 0;
        String last = null;
        for (String t : toks) {
            if (t.equals("(")) depth++;
            else if (t.equals(")")) depth--;
            else if (depth == 0 && (t.equals("[") || t.equals("=") || t.equals("SEC") || t.equals(";") || t.equals(","))) break;
            else if (depth == 0 && t.matches("[A-Za-z_]\\w*")) last = t;
        }
        if (last != null && depth == 0) globals.add(last);
    }

    private static String lastIdentBeforeParen(List<String> toks) {
        String last = null;
        for (String t : toks) {
            if (t.equals("(")) return last;
            if (t.matches("[A-Za-z_]\\w*")) last = t;
        }
        return last;
    }

    /** The leaf token texts under a node. */
    static List<String> tokens(ParseTree node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(ParseTree n, List<String> out) {
        if (n instanceof TerminalNode t) {
            if (t.getSymbol().getType() != SelftestCLexer.EOF) out.add(t.getText());
            return;
        }
        for (int i = 0; i < n.getChildCount(); i++) collect(n.getChild(i), out);
    }

    /** The fields one member declaration declares: "unsigned int a, b[4];". */
    static List<LocalStructs.Field> fields(List<String> toks) {
        List<String> t = new ArrayList<>(toks);
        if (!t.isEmpty() && t.getLast().equals(";")) t.removeLast();
        if (t.contains("{")) return List.of(new LocalStructs.Field(List.of("<nested aggregate>"), false, List.of(), "?"));
        if (t.contains(":")) return List.of(new LocalStructs.Field(List.of("<bitfield>"), false, List.of(), "?"));
        t = stripAttributes(t);
        List<List<String>> decls = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        int depth = 0;
        for (String s : t) {
            if (s.equals("(") || s.equals("[")) depth++;
            if (s.equals(")") || s.equals("]")) depth--;
            if (s.equals(",") && depth == 0) {
                decls.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(s);
            }
        }
        decls.add(cur);
        List<LocalStructs.Field> out = new ArrayList<>();
        List<String> typeWords = null;
        for (List<String> d : decls) {
            int bracket = d.indexOf("[");
            int end = bracket < 0 ? d.size() : bracket;
            int nameAt = end - 1;
            while (nameAt >= 0 && !d.get(nameAt).matches("[A-Za-z_]\\w*")) nameAt--;
            if (nameAt < 0) continue;
            boolean pointer = false;
            List<String> words = new ArrayList<>();
            for (int i = 0; i < nameAt; i++) {
                if (d.get(i).equals("*")) pointer = true;
                else words.add(d.get(i));
            }
            if (typeWords == null || !words.isEmpty()) typeWords = words;
            List<String> dims = new ArrayList<>();
            StringBuilder dim = null;
            for (int i = end; i < d.size(); i++) {
                String s = d.get(i);
                if (s.equals("[")) dim = new StringBuilder();
                else if (s.equals("]") && dim != null) {
                    dims.add(dim.toString().isBlank() ? "0" : dim.toString());
                    dim = null;
                } else if (dim != null) dim.append(s).append(' ');
            }
            out.add(new LocalStructs.Field(List.copyOf(typeWords), pointer, dims, d.get(nameAt)));
        }
        return out;
    }

    /** Removes __attribute__((...)), __aligned(n) and similar annotation macros with arguments. */
    static List<String> stripAttributes(List<String> t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            String s = t.get(i);
            if ((s.equals("__attribute__") || s.equals("__aligned") || s.startsWith("__tag") || s.equals("__type_tag"))
                    && i + 1 < t.size() && t.get(i + 1).equals("(")) {
                int depth = 0;
                int j = i + 1;
                for (; j < t.size(); j++) {
                    if (t.get(j).equals("(")) depth++;
                    if (t.get(j).equals(")") && --depth == 0) break;
                }
                i = j;
                continue;
            }
            out.add(s);
        }
        return out;
    }

    String at(ParserRuleContext c) {
        return SelftestSyntax.at(file, c);
    }
}
