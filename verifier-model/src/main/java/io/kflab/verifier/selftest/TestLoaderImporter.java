package io.kflab.verifier.selftest;

import io.kflab.bpf.asm.Assembled;
import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.Symbol;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.Helpers;
import io.kflab.bpf.isa.PseudoSource;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.verifier.selftest.SelftestCParser.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports progs/verifier_*.c as test_loader.c reads them: one case per SEC() program, the
 * expectations from its annotation macros, the program from its __naked asm body (plus the
 * static subprograms it calls, appended as libbpf links them), maps from ".maps".
 */
final class TestLoaderImporter {
    /** test_loader's default prog_flags (testing_prog_flags()): BPF_F_TEST_RND_HI32 | BPF_F_TEST_REG_INVARIANTS. */
    static final int DEFAULT_FLAGS = 4 | 128;
    private static final Pattern CALL = Pattern.compile("\\bcall\\s+([A-Za-z_]\\w*)");

    private final SelftestSource src;
    private final Function<String, Integer> kfuncIds;
    private int asmBlock;

    TestLoaderImporter(SelftestSource src, Function<String, Integer> kfuncIds) {
        this.src = src;
        this.kfuncIds = kfuncIds;
    }

    List<SelftestCase> cases() {
        List<SelftestCase> out = new ArrayList<>();
        for (SelftestSource.Program p : src.programs) {
            if (p.section().equals("license") || p.section().startsWith(".")) continue;
            String name = p.def().name.getText();
            String description = name;
            try {
                Annotations a = Annotations.of(p.def(), src);
                if (a.auxiliary) continue;
                if (a.description != null) description = a.description;
                out.add(build(p, a, name, description));
            } catch (UnsupportedConstruct u) {
                out.add(SelftestCase.unsupported(src.file, name, description, SelftestFormat.TEST_LOADER, u.reason));
            }
        }
        return out;
    }

    private SelftestCase build(SelftestSource.Program p, Annotations a, String name, String description) {
        if (a.otherArchOnly) throw new UnsupportedConstruct("other architecture", "__arch_* without x86_64");
        if (a.unsupported != null) throw new UnsupportedConstruct(a.unsupported, name);
        SectionDefs.Section sec = SectionDefs.lookup(p.section());
        int flags = a.flags(DEFAULT_FLAGS) | (sec.sleepable() ? 16 : 0);
        List<MapSpec> maps = new ArrayList<>();
        Map<String, Integer> mapIndex = new LinkedHashMap<>();
        SymbolTable.Builder symbols = SymbolTable.builder().kfuncs(kfuncIds);
        StringBuilder text = new StringBuilder();
        Set<String> linked = new LinkedHashSet<>();
        appendFunction(p.def(), text, symbols, maps, mapIndex, linked);
        Assembled asm;
        try {
            asm = new Assembler(symbols.build()).assemble(text.toString(), src.file + ":" + name);
        } catch (BadInputException e) {
            throw new UnsupportedConstruct("asm the assembler rejects", e.oneLine());
        }
        List<RawInsn> slots = asm.slots();
        List<MapSpec> withFixups = new ArrayList<>();
        for (int m = 0; m < maps.size(); m++) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i + 1 < slots.size(); i++) {
                RawInsn s = slots.get(i);
                if (s.code() == 0x18 && (s.src() == 1 || s.src() == 2) && s.imm() == m) {
                    at.add(i);
                    i++;
                }
            }
            withFixups.add(maps.get(m).withFixups(at));
        }
        Optional<UnprivExpectations> unpriv = a.hasUnpriv
                ? Optional.of(new UnprivExpectations(a.unprivResult != null ? a.unprivResult : a.success,
                        a.unprivMsgs.isEmpty() ? a.msgs : a.unprivMsgs, a.hasUnprivRetval ? a.unprivRetval : a.retval))
                : Optional.empty();
        List<TestRun> runs = a.retval.isPresent() ? List.of(TestRun.zeros(a.retval.getAsLong())) : List.of();
        return new SelftestCase(src.file, name, description, SelftestFormat.TEST_LOADER, sec.progType(), sec.attachType(),
                flags, a.logLevel, a.privileged(), a.success, a.msgs, a.retval, unpriv, withFixups, slots, runs, Optional.empty());
    }

    /** Appends a function's asm (label, body) and, depth first, the static subprograms it calls. */
    private void appendFunction(FunctionDefContext f, StringBuilder text, SymbolTable.Builder symbols, List<MapSpec> maps,
                                Map<String, Integer> mapIndex, Set<String> linked) {
        String fname = f.name.getText();
        linked.add(fname);
        boolean naked = f.attr().stream().anyMatch(x -> x.name != null && x.name.getText().equals("__naked"));
        List<AsmStatementContext> asms = new ArrayList<>();
        for (BlockItemContext item : f.block().blockItem()) {
            if (item.asmStatement() != null) asms.add(item.asmStatement());
            else throw new UnsupportedConstruct("C body", fname + " at " + src.at(item));
        }
        if (!naked || asms.isEmpty()) throw new UnsupportedConstruct("C body", fname + " is not a __naked asm function");
        StringBuilder body = new StringBuilder();
        if (text.length() > 0) body.append('\n').append(fname).append(":\n");
        for (AsmStatementContext asm : asms) {
            body.append(template(SelftestSyntax.string(asm.template, src.file), ++asmBlock)).append('\n');
            for (AsmOperandsContext ops : asm.asmOperands()) {
                for (AsmOperandContext op : ops.asmOperand()) bind(op, symbols, maps, mapIndex);
            }
        }
        text.append(body);
        Matcher m = CALL.matcher(body);
        while (m.find()) {
            String callee = m.group(1);
            FunctionDefContext sub = src.functions.get(callee);
            if (sub != null && !linked.contains(callee)) appendFunction(sub, text, symbols, maps, mapIndex, linked);
        }
    }

    /** The asm template as the assembler sees it: %% is %, %= is the asm block's unique number. */
    static String template(String t, int unique) {
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '%' && i + 1 < t.length() && t.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else if (c == '%' && i + 1 < t.length() && t.charAt(i + 1) == '=') {
                out.append(unique);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void bind(AsmOperandContext op, SymbolTable.Builder symbols, List<MapSpec> maps, Map<String, Integer> mapIndex) {
        if (op.macro == null) {
            if (op.name == null) return;
            symbols.constant(op.name.getText(), src.eval.eval(op.expr(0)));
            return;
        }
        String macro = op.macro.getText();
        List<ExprContext> args = op.expr();
        String name = args.get(0).getText();
        switch (macro) {
            case "__imm" -> {
                if (name.startsWith("bpf_") && Helpers.builtin().id(name) != null) return;
                if (src.ksyms.contains(name)) {
                    Integer id = kfuncIds.apply(name);
                    if (id == null) throw new UnsupportedConstruct("kfunc unknown to the kernel BTF", name);
                    symbols.bind(name, new Symbol.Kfunc(id, (short) 0));
                    return;
                }
                if (src.functions.containsKey(name)) throw new UnsupportedConstruct("function address", name);
                symbols.constant(name, src.eval.eval(args.get(0)));
            }
            case "__imm_const" -> {
                if (args.size() != 2) throw new UnsupportedConstruct("asm operand", "__imm_const with " + args.size() + " arguments");
                symbols.constant(name, src.eval.eval(args.get(1)));
            }
            case "__imm_addr" -> {
                StructDefContext def = src.maps.get(name);
                if (def == null) {
                    if (src.functions.containsKey(name)) throw new UnsupportedConstruct("function address", name);
                    throw new UnsupportedConstruct("global data", "__imm_addr(" + name + ")");
                }
                Integer idx = mapIndex.get(name);
                if (idx == null) {
                    idx = maps.size();
                    maps.add(MapDefs.of(name, def, src));
                    mapIndex.put(name, idx);
                }
                symbols.bind(name, new Symbol.MapRef(PseudoSource.MAP_FD, idx, 0));
            }
            case "__imm_ptr" -> throw new UnsupportedConstruct("global data", "__imm_ptr(" + name + ")");
            case "__imm_insn" -> {
                if (args.size() != 2) throw new UnsupportedConstruct("asm operand", "__imm_insn with " + args.size() + " arguments");
                List<RawInsn> insns = InsnMacros.expand(args.get(1), src.eval);
                if (insns.size() != 1) throw new UnsupportedConstruct("asm operand", "__imm_insn of a 16-byte instruction");
                symbols.bind(name, new Symbol.RawWord(insns.getFirst()));
            }
            default -> throw new UnsupportedConstruct("asm operand", macro);
        }
    }

    /** The annotation macros on one program (kernel: bpf_misc.h's __success, __msg, ... read by test_loader.c). */
    static final class Annotations {
        String description;
        boolean success = true;
        Boolean unprivResult;
        boolean hasPriv;
        boolean hasUnpriv;
        boolean hasUnprivRetval;
        boolean auxiliary;
        boolean otherArchOnly;
        boolean x86;
        boolean anyArch;
        String unsupported;
        int logLevel;
        int setFlags;
        int clearFlags;
        final List<String> msgs = new ArrayList<>();
        final List<String> unprivMsgs = new ArrayList<>();
        OptionalLong retval = OptionalLong.empty();
        OptionalLong unprivRetval = OptionalLong.empty();

        boolean privileged() {
            return hasPriv || !hasUnpriv;
        }

        int flags(int defaults) {
            return (defaults | setFlags) & ~clearFlags;
        }

        static Annotations of(FunctionDefContext f, SelftestSource src) {
            Annotations a = new Annotations();
            for (AttrContext attr : f.attr()) {
                if (attr.name == null) continue;
                String n = attr.name.getText();
                List<ExprContext> args = attr.expr();
                switch (n) {
                    case "__description" -> a.description = str(args, src);
                    case "__success" -> { a.success = true; a.hasPriv = true; }
                    case "__failure" -> { a.success = false; a.hasPriv = true; }
                    case "__success_unpriv" -> { a.unprivResult = true; a.hasUnpriv = true; }
                    case "__failure_unpriv" -> { a.unprivResult = false; a.hasUnpriv = true; }
                    case "__msg" -> { a.msgs.add(str(args, src)); a.hasPriv = true; }
                    case "__msg_unpriv" -> { a.unprivMsgs.add(str(args, src)); a.hasUnpriv = true; }
                    case "__retval" -> { a.retval = OptionalLong.of(src.eval.eval(one(args, n))); a.hasPriv = true; }
                    case "__retval_unpriv" -> {
                        a.unprivRetval = OptionalLong.of(src.eval.eval(one(args, n)));
                        a.hasUnpriv = true;
                        a.hasUnprivRetval = true;
                    }
                    case "__log_level" -> a.logLevel = (int) src.eval.eval(one(args, n));
                    case "__flag" -> {
                        ExprContext e = one(args, n);
                        if (e instanceof UnaryExprContext u && u.op.getText().equals("!")) a.clearFlags |= (int) src.eval.eval(u.expr());
                        else a.setFlags |= (int) src.eval.eval(e);
                    }
                    case "__xlated", "__jited" -> a.hasPriv = true;
                    case "__xlated_unpriv", "__jited_unpriv" -> a.hasUnpriv = true;
                    case "__auxiliary" -> { a.auxiliary = true; a.hasPriv = true; }
                    case "__auxiliary_unpriv" -> { a.auxiliary = true; a.hasUnpriv = true; }
                    case "__arch_x86_64" -> { a.x86 = true; a.anyArch = true; }
                    case "__arch_arm64", "__arch_riscv64", "__arch_s390x" -> a.anyArch = true;
                    case "__arch" -> {
                        a.anyArch = true;
                        a.x86 |= str(args, src).equals("X86_64");
                    }
                    case "__btf_path" -> a.unsupported = "__btf_path (external BTF)";
                    case "__load_if_JITed", "__load_if_no_JITed" -> { }
                    case "__not_msg", "__stderr", "__stdout", "__linear_size" -> a.unsupported = n;
                    default -> { }
                }
            }
            a.otherArchOnly = a.anyArch && !a.x86;
            return a;
        }

        private static ExprContext one(List<ExprContext> args, String macro) {
            if (args.size() != 1) throw new UnsupportedConstruct("annotation", macro + " with " + args.size() + " arguments");
            return args.getFirst();
        }

        private static String str(List<ExprContext> args, SelftestSource src) {
            if (args.size() == 1 && args.getFirst() instanceof PrimaryExprContext p && p.primary() instanceof StringPrimaryContext s) {
                return SelftestSyntax.string(s.string(), src.file);
            }
            throw new UnsupportedConstruct("annotation", "expected a string, found " + (args.isEmpty() ? "nothing" : args.getFirst().getText()));
        }
    }
}
