package io.kflab.catalog.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Expands X-macro lists used inside kfunc sets (net/core/xdp.c: {@code #define
 * XDP_METADATA_KFUNC(_, __, name, ___) BTF_ID_FLAGS(func, name, ...)} then {@code
 * XDP_METADATA_KFUNC_xxx} from include/net/xdp.h) into {@link SetEntry}s.
 */
final class MacroExpansion {
    private MacroExpansion() {}

    static ScanResult expand(ScanResult r, Path tree) {
        if (r.macroUses().isEmpty()) return r;
        List<KfuncSet> sets = new ArrayList<>(r.sets());
        List<ScanWarning> warnings = new ArrayList<>(r.warnings());
        for (MacroUse use : r.macroUses()) {
            Optional<String> list = definition(tree, use);
            if (list.isEmpty()) continue;
            List<SetEntry> added = new ArrayList<>();
            for (Call call : calls(list.get())) {
                r.macros().stream()
                        .filter(m -> m.name().equals(call.fn()) && m.at().file().equals(use.at().file()))
                        .findFirst()
                        .ifPresent(m -> added.addAll(entries(m, call, use)));
            }
            if (added.isEmpty()) continue;
            for (int i = 0; i < sets.size(); i++) {
                KfuncSet s = sets.get(i);
                if (s.name().equals(use.set()) && s.at().file().equals(use.at().file())) {
                    List<SetEntry> entries = new ArrayList<>(s.entries());
                    entries.addAll(added);
                    sets.set(i, new KfuncSet(s.name(), s.macro(), entries, s.condition(), s.at()));
                    warnings.removeIf(w -> w.at().equals(use.at()) && w.message().startsWith("macro " + use.macro()));
                    break;
                }
            }
        }
        return new ScanResult(sets, r.idSets(), r.registrations(), r.prototypes(), r.flagBits(), r.hooks(),
                r.suffixes(), r.macroUses(), r.macros(), warnings);
    }

    private record Call(String fn, List<String> args) {}

    private static List<Call> calls(String body) {
        KfuncScanLexer lexer = new KfuncScanLexer(CharStreams.fromString(body));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        KfuncScanParser parser = new KfuncScanParser(tokens);
        parser.removeErrorListeners();
        KfuncScanParser.MacroCallsContext ctx = parser.macroCalls();
        List<Call> calls = new ArrayList<>();
        int argsIndex = 0;
        List<KfuncScanParser.ArgsContext> allArgs = ctx.args();
        for (var child : ctx.children) {
            if (child instanceof KfuncScanParser.ArgsContext a) {
                // paired with the identifier that precedes its '('
                int fnIndex = a.start.getTokenIndex() - 2;
                String fn = fnIndex >= 0 ? tokens.get(fnIndex).getText() : "";
                calls.add(new Call(fn, a.arg().stream()
                        .map(x -> TokenText.of(tokens, x.start.getTokenIndex(), x.stop.getTokenIndex())).toList()));
                argsIndex++;
            }
        }
        return argsIndex == allArgs.size() ? calls : List.of();
    }

    private static List<SetEntry> entries(MacroDefinition m, Call call, MacroUse use) {
        if (m.params().size() != call.args().size()) return List.of();
        Map<String, String> subst = new HashMap<>();
        for (int i = 0; i < m.params().size(); i++) subst.put(m.params().get(i), call.args().get(i));
        Matcher w = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*").matcher(m.body());
        String body = w.replaceAll(x -> Matcher.quoteReplacement(subst.getOrDefault(x.group(), x.group())));
        ScanResult inner = KfuncScanner.scan(use.at().file(), "BTF_KFUNCS_START(x)\n" + body + "\nBTF_KFUNCS_END(x)\n");
        if (inner.sets().isEmpty()) return List.of();
        return inner.sets().getFirst().entries().stream()
                .map(e -> new SetEntry(e.name(), e.flags(), Condition.ALWAYS, use.at(), use.macro())).toList();
    }

    /** The body of {@code #define <macro>}: from the file of the use, else from a header under include/. */
    private static Optional<String> definition(Path tree, MacroUse use) {
        Pattern def = Pattern.compile("^[ \\t]*#[ \\t]*define[ \\t]+" + Pattern.quote(use.macro())
                + "[ \\t]+((?:[^\\n]*\\\\\\n)*[^\\n]*)", Pattern.MULTILINE);
        Optional<String> local = find(def, tree.resolve(use.at().file()));
        if (local.isPresent()) return local;
        Path include = tree.resolve("include");
        if (!Files.isDirectory(include)) return Optional.empty();
        try (Stream<Path> walk = Files.walk(include)) {
            return walk.filter(p -> p.toString().endsWith(".h")).map(p -> find(def, p))
                    .flatMap(Optional::stream).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> find(Pattern def, Path file) {
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            Matcher m = def.matcher(text);
            return m.find() ? Optional.of(m.group(1).replace("\\\n", " ")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
